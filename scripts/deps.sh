# Sourced by ./spool and ./test.sh: installs what Spool needs from Debian's packages when it is missing.
# Prints to stderr; returns non-zero with a clear message when it cannot install (not root, no apt).

spool_apt_updated=""

spool_apt_install() {
    # $@: Debian package names
    local runner=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            runner=(sudo -n)
        else
            echo "spool: missing $*; install it as root: apt-get install $*" >&2
            return 1
        fi
    fi
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "spool: missing $* and this system has no apt-get; install it with your package manager" >&2
        return 1
    fi
    echo "spool: installing $* from Debian's packages..." >&2
    if [ -z "$spool_apt_updated" ]; then
        "${runner[@]}" apt-get update -qq >/dev/null 2>&1 || { echo "spool: apt-get update failed" >&2; return 1; }
        spool_apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive "${runner[@]}" apt-get install -y -qq --no-install-recommends "$@" >/dev/null 2>&1 \
        || { echo "spool: apt-get install $* failed" >&2; return 1; }
}

spool_ensure_ffmpeg() {
    if [ -n "${SPOOL_FFMPEG:-}" ] || { command -v ffmpeg >/dev/null 2>&1 && command -v ffprobe >/dev/null 2>&1; }; then
        return 0
    fi
    spool_apt_install ffmpeg
}

spool_ensure_dotnet() {
    if command -v dotnet >/dev/null 2>&1; then
        return 0
    fi
    echo "spool: the .NET 10 SDK (dotnet) is not on PATH; install it first: https://dot.net" >&2
    return 1
}

spool_ensure_speech() {
    # Offline speech recognition for --subtitles (ffmpeg's asr filter reads Debian's pocketsphinx model). Optional:
    # without it Spool names the package or another engine when subtitles are asked for, so a failure here is a note.
    if [ -f /usr/share/pocketsphinx/model/en-us/en-us.lm.bin ]; then
        return 0
    fi
    spool_apt_install pocketsphinx-en-us \
        || echo "spool: note: no offline speech model; --subtitles needs pocketsphinx-en-us, --whisper-model or --transcriber openai" >&2
    return 0
}

spool_ensure_test_tools() {
    # espeak-ng speaks the sentences the subtitle tests transcribe; strace watches that outputs are synced before renames.
    local missing=()
    command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
    command -v strace >/dev/null 2>&1 || missing+=(strace)
    if [ "${#missing[@]}" -eq 0 ]; then
        return 0
    fi
    spool_apt_install "${missing[@]}"
}

spool_ensure_chromium() {
    # Headless Chromium for the dashboard's browser tests (Debian's package, no downloaded browser builds).
    if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then
        return 0
    fi
    spool_apt_install chromium
}
