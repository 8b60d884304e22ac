using Spool.Media.Errors;
using Spool.Media.Processes;

namespace Spool.Media.Tests.Errors;

// Every stderr below is real ffmpeg/ffprobe 5.1 (Debian 12) output on the corpus (tests/corpus, from ../shared/corpus) files or lavfi input, cut to
// the lines that matter, unless its comment says otherwise.
public sealed class ErrorClassifierTests
{
    private const string Probe = "ffprobe -v error -hide_banner -print_format json -show_format -show_streams";
    private const string Transcode = "ffmpeg -hide_banner -nostdin -i file:in.mp4 -c:v libx264 -y file:out.mp4";

    public static TheoryData<string, string, int, string, string> RealStderr() => new()
    {
        // small/typescript.ts: a zero-byte file.
        { Probe + " file:small/typescript.ts", "file:small/typescript.ts: Invalid data found when processing input\n", 1,
            "input_corrupt", "The input is damaged or incomplete: file:small/typescript.ts: Invalid data found when processing input" },
        // small/FlashVideo.flv: a header-only FLV.
        { Probe + " file:small/FlashVideo.flv", "file:small/FlashVideo.flv: End of file\n", 1,
            "input_corrupt", "The input ends before its header does: file:small/FlashVideo.flv: End of file" },
        // mp4parse corrupt/alpha_video_moov_is_moop.avif: the demuxer's reason wins over the generic line after it.
        { Probe + " file:moop.avif", "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55f87f9f9180] moov atom not found\nfile:moop.avif: Invalid data found when processing input\n", 1,
            "input_corrupt", "The input is damaged or incomplete: [mov,mp4,m4a,3gp,3g2,mj2] moov atom not found" },
        // mp4parse clusterfuzz-testcase-minimized-mp4-6093954524250112.
        { Probe + " file:fuzz", "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x56110ce14180] error reading header\nfile:fuzz: Invalid data found when processing input\n", 1,
            "input_corrupt", "The input is damaged or incomplete: [mov,mp4,m4a,3gp,3g2,mj2] error reading header" },
        // mp4parse invalid_userdata.mp4: a truncated file, decoded.
        { Transcode, "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x564bbdd998c0] stream 0, offset 0x2110a: partial file\n[mov,mp4,m4a,3gp,3g2,mj2 @ 0x564bbdd998c0] stream 1, offset 0x214b0: partial file\nCannot determine format of input stream 0:0 after EOF\nError marking filters as finished\n", 1,
            "input_corrupt", "The input is damaged or incomplete: [mov,mp4,m4a,3gp,3g2,mj2] stream 0, offset 0x2110a: partial file" },
        // small/AudioVideoInterleave.avi: a 1x1 AVI with no decodable frame.
        { Transcode, "Stream mapping:\n  Stream #0:0 -> #0:0 (mpeg4 (native) -> wrapped_avframe (native))\nCannot determine format of input stream 0:0 after EOF\nError marking filters as finished\nConversion failed!\n", 1,
            "input_corrupt", "The input is damaged or incomplete: Cannot determine format of input stream 0:0 after EOF" },
        // node-fluent-ffmpeg teststream.ffm, probed (exit 0 with an error line).
        { Probe + " file:teststream.ffm", "[mpeg1video @ 0x5644bd6b6480] Invalid frame dimensions 0x0.\n", 0,
            "input_corrupt", "The input is damaged or incomplete: [mpeg1video] Invalid frame dimensions 0x0." },
        // small/mp3.mp3: a single 72-byte frame.
        { Probe + " file:small/mp3.mp3", "[mp3 @ 0x55a9b701a180] Invalid frame size (72): Could not seek to 72.\nfile:small/mp3.mp3: Invalid argument\n", 1,
            "input_corrupt", "The input is damaged or incomplete: [mp3] Invalid frame size (72): Could not seek to 72." },
        // FFMpegCore input_3sec.webm cut to 300 bytes.
        { Transcode, "[matroska,webm @ 0x55fed52688c0] Element at 0x6d ending at 0x2b1c6ec74 exceeds containing master element ending at 0x1419\n[matroska,webm @ 0x55fed52688c0] File ended prematurely\nfile:tw300.webm: Input/output error\n", 1,
            "input_corrupt", "The input is damaged or incomplete: [matroska,webm] File ended prematurely" },
        // Not captured here: the line libavformat/aviobuf.c prints ("Truncating packet of size %d to %ld").
        { Transcode, "Truncating packet of size 156817019 to 251983\n", 1,
            "input_corrupt", "The input is damaged or incomplete: Truncating packet of size 156817019 to 251983" },
        // A path that does not exist.
        { Probe + " file:/nonexistent/x.mp4", "file:/nonexistent/x.mp4: No such file or directory\n", 1,
            "input_missing", "The input file does not exist: file:/nonexistent/x.mp4: No such file or directory" },
        // The output folder does not exist: not the input's fault.
        { "ffmpeg -hide_banner -nostdin -v error -f lavfi -i testsrc2=d=1 -y file:/nonexistent/dir/o.mp4", "file:/nonexistent/dir/o.mp4: No such file or directory\n", 1,
            "output_unwritable", "The output folder does not exist: file:/nonexistent/dir/o.mp4: No such file or directory" },
        // The output folder's place is taken by a regular file (/tmp/errs/regular is a file).
        { "ffmpeg -hide_banner -nostdin -v error -f lavfi -i testsrc2=d=1 -y file:/tmp/errs/regular/o.mp4", "file:/tmp/errs/regular/o.mp4: Not a directory\n", 1,
            "output_unwritable", "A file stands where an output folder should be: file:/tmp/errs/regular/o.mp4: Not a directory" },
        // The same for an input: the path goes through a file, so the input does not exist.
        { Probe + " file:/tmp/errs/regular/in.mp4", "file:/tmp/errs/regular/in.mp4: Not a directory\n", 1,
            "input_missing", "The input file does not exist: file:/tmp/errs/regular/in.mp4: Not a directory" },
        // A file mode 000, read as an unprivileged user.
        { Probe + " file:/tmp/t/locked.gif", "file:/tmp/t/locked.gif: Permission denied\n", 1,
            "permission_denied", "Permission denied: file:/tmp/t/locked.gif: Permission denied" },
        // Writing to /dev/full.
        { "ffmpeg -v error -f lavfi -i testsrc2=d=1 -f mp4 -y /dev/full", "Could not write header for output file #0 (incorrect codec parameters ?): No space left on device\nError initializing output stream 0:0 -- \n", 1,
            "disk_full", "The output disk is full: Could not write header for output file #0 (incorrect codec parameters ?): No space left on device" },
        // -c:v nosuchcodec.
        { "ffmpeg -f lavfi -i testsrc2=d=1 -c:v nosuchcodec -f null -", "Input #0, lavfi, from 'testsrc2=d=1':\n  Duration: N/A, start: 0.000000, bitrate: N/A\n  Stream #0:0: Video: rawvideo (I420 / 0x30323449), yuv420p, 320x240 [SAR 1:1 DAR 4:3], 25 tbr, 25 tbn\nUnknown encoder 'nosuchcodec'\n", 1,
            "encoder_unavailable", "This ffmpeg has no such encoder: Unknown encoder 'nosuchcodec'" },
        // An encoder-private option this build does not know.
        { "ffmpeg -f lavfi -i testsrc2=d=1 -x264-bogus 1 -f null -", "Unrecognized option 'x264-bogus'.\nError splitting the argument list: Option not found\n", 1,
            "encoder_unavailable", "This ffmpeg does not know an option Spool passed: Unrecognized option 'x264-bogus'." },
        // h264_nvenc on a machine without a GPU.
        { "ffmpeg -v error -f lavfi -i testsrc2=d=1 -c:v h264_nvenc -f null -", "[h264_nvenc @ 0x561df2e99180] Cannot load libcuda.so.1\nError initializing output stream 0:0 -- Error while opening encoder for output stream #0:0 - maybe incorrect parameters such as bit_rate, rate, width or height\n", 1,
            "encoder_unavailable", "The hardware encoder cannot be used on this machine: [h264_nvenc] Cannot load libcuda.so.1" },
        // -c:v nosuchdec before -i.
        { "ffmpeg -c:v nosuchdec -i file:in.mp4 -f null -", "Unknown decoder 'nosuchdec'\n", 1,
            "unsupported", "This ffmpeg cannot decode the input: Unknown decoder 'nosuchdec'" },
        // mp4parse sine-3s-xhe-aac-44khz-mono.mp4 decoded at the default log level.
        { "ffmpeg -hide_banner -nostdin -i file:xhe.mp4 -f null -", "[aac @ 0x564dcb70b040] Audio object type 42 is not implemented. Update your FFmpeg version to the newest one from Git. If the problem still occurs, it means that your file has a feature which has not been implemented.\nStream mapping:\n  Stream #0:0 -> #0:0 (aac (native) -> pcm_s16le (native))\nError while opening decoder for input stream #0:0 : Function not implemented\n", 1,
            "unsupported", "This ffmpeg cannot decode the input: [aac] Audio object type 42 is not implemented. Update your FFmpeg version to the newest one from Git. If the problem still occurs, it means that your file has a feature which has not been implemented." },
        // The same file probed at -v error: exit 1, nothing said.
        { Probe + " file:xhe.mp4", "", 1,
            "unsupported", "ffprobe exited with code 1 and gave no reason." },
        // small/jpeg.jpg: arithmetic-coded JPEG. Unsupported, though the decoder then also reports invalid data.
        { Transcode, "[mjpeg @ 0x55696f092800] mjpeg: unsupported coding type (c9)\n[mjpeg @ 0x55696f092800] Can not process SOS before SOF, skipping\n[mjpeg @ 0x55696f092800] No JPEG data found in image\nError while decoding stream #0:0: Invalid data found when processing input\nCannot determine format of input stream 0:0 after EOF\n", 1,
            "unsupported", "This ffmpeg cannot decode the input: [mjpeg] mjpeg: unsupported coding type (c9)" },
        // FFMpegCore audio.raw: headerless PCM that ffprobe guesses is raw video.
        { Probe + " file:audio.raw", "[rawvideo @ 0x55e6d797f880] Invalid pixel format.\n    Last message repeated 2 times\n[rawvideo @ 0x55e6d7982cc0] Invalid pixel format.\n", 1,
            "unsupported", "ffmpeg cannot tell what the input holds: [rawvideo] Invalid pixel format." },
        // small/mp4-with-audio.mp4 with the video mapped.
        { "ffmpeg -i file:small/mp4-with-audio.mp4 -map 0:v:0 -c:v libx264 out.mp4", "  Stream #0:0[0x2](und): Audio: aac (LC) (mp4a / 0x6134706D), 44100 Hz, stereo, fltp, 127 kb/s (default)\nStream map '0:v:0' matches no streams.\nTo ignore this, add a trailing '?' to the map.\n", 1,
            "no_video_stream", "The input has no video stream: Stream map '0:v:0' matches no streams." },
        // An audio map that matches nothing is a planning mistake, not a property of the input.
        { "ffmpeg -i file:small/mp4-with-audio.mp4 -map 0:a:5 out.mp4", "Stream map '0:a:5' matches no streams.\nTo ignore this, add a trailing '?' to the map.\n", 1,
            "ffmpeg_failed", "ffmpeg exited with code 1: Stream map '0:a:5' matches no streams." },
        // small/Mpeg4.mp4: a moov with zero tracks, transcoded.
        { Transcode, "Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'file:small/Mpeg4.mp4':\n  Metadata:\n    major_brand     : isom\n  Duration: 00:00:00.00, bitrate: N/A\nOutput #0, mp4, to '/tmp/o.mp4':\nOutput file #0 does not contain any stream\n", 1,
            "input_corrupt", "The input holds no usable stream: Output file #0 does not contain any stream" },
        // FFMpegCore sample.srt: subtitles only, transcoded to an A/V preset.
        { Transcode, "Input #0, srt, from 'file:sample.srt':\n  Duration: N/A, bitrate: N/A\n  Stream #0:0: Subtitle: subrip\nOutput #0, mp4, to '/tmp/o5.mp4':\nOutput file #0 does not contain any stream\n", 1,
            "not_a_video", "The input holds no audio or video: Output file #0 does not contain any stream" },
        // h264_vaapi without hwupload: "Function not implemented" here is not a decoder gap.
        { "ffmpeg -v error -f lavfi -i testsrc2=d=1 -c:v h264_vaapi -f null -", "Impossible to convert between the formats supported by the filter 'Parsed_null_0' and the filter 'auto_scale_0'\nError reinitializing filters!\nFailed to inject frame into filter network: Function not implemented\nError while processing the decoded data for stream #0:0\n", 1,
            "ffmpeg_failed", "ffmpeg exited with code 1: Error while processing the decoded data for stream #0:0" },
        // Killed by SIGKILL (the OOM killer, say): exit 137, nothing written.
        { Transcode, "", 137,
            "ffmpeg_failed", "ffmpeg was killed by signal 9 (exit code 137)." },
    };

    [Theory]
    [MemberData(nameof(RealStderr))]
    public void Real_stderr_is_classified(string commandLine, string stderr, int exitCode, string category, string message)
    {
        var error = ErrorClassifier.Classify(Exited(commandLine, stderr, exitCode));

        Assert.Equal(category, error.Category.ToWireName());
        Assert.Equal(message, error.Message);
        Assert.False(string.IsNullOrWhiteSpace(error.Hint));
    }

    [Theory]
    [InlineData(ProcessEnd.TimedOut, "timeout", "ffmpeg ran past its time limit.")]
    [InlineData(ProcessEnd.Stalled, "stalled", "ffmpeg wrote nothing for longer than the stall limit.")]
    [InlineData(ProcessEnd.Cancelled, "cancelled", "The job was cancelled.")]
    public void How_the_run_ended_wins_over_its_stderr(ProcessEnd end, string category, string message)
    {
        var result = new ProcessResult(end, 0, "", "file:in.mp4: Invalid data found when processing input\n", Transcode, TimeSpan.Zero);

        var error = ErrorClassifier.Classify(result);

        Assert.Equal(category, error.Category.ToWireName());
        Assert.Equal(message, error.Message);
        Assert.Equal(error.Category.DefaultHint(), error.Hint);
    }

    [Fact]
    public void Ffmpeg_that_cannot_start_is_a_permanent_environment_error_not_a_missing_input()
    {
        // What ProcessRunner puts in Stderr when exec fails; its "No such file or directory" is about ffmpeg itself.
        var stderr = "Cannot start '/opt/none/ffmpeg': An error occurred trying to start process '/opt/none/ffmpeg' with working directory '/work'. No such file or directory";
        var result = new ProcessResult(ProcessEnd.FailedToStart, -1, "", stderr, "/opt/none/ffmpeg -version", TimeSpan.Zero);

        var error = ErrorClassifier.Classify(result);

        Assert.Equal("encoder_unavailable", error.Category.ToWireName());
        Assert.False(error.Category.IsTransient());
        Assert.StartsWith("ffmpeg could not be started: Cannot start '/opt/none/ffmpeg'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Install ffmpeg", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_telling_line_is_cut_to_200_characters()
    {
        var stderr = "file:" + new string('a', 300) + ".mp4: Invalid data found when processing input\n";

        var error = ErrorClassifier.Classify(Exited(Transcode, stderr, 1));

        Assert.Equal("The input is damaged or incomplete: file:" + new string('a', 194) + "…", error.Message);
    }

    [Fact]
    public void Rules_ignore_case()
    {
        var error = ErrorClassifier.Classify(Exited(Transcode, "FILE:IN.MP4: NO SUCH FILE OR DIRECTORY\n", 1));

        Assert.Equal(ErrorCategory.InputMissing, error.Category);
    }

    [Fact]
    public void Unmatched_stderr_quotes_its_last_telling_line()
    {
        var error = ErrorClassifier.Classify(Exited(Transcode, "Something odd happened\nConversion failed!\n", 1));

        Assert.Equal(MediaError.Of(ErrorCategory.FfmpegFailed, "ffmpeg exited with code 1: Something odd happened"), error);
    }

    [Fact]
    public async Task Classification_uses_the_real_runner_result_for_a_missing_input()
    {
        var result = await new ProcessRunner().RunAsync(
            new ProcessRequest("ffprobe", ["-v", "error", "-hide_banner", "file:/nonexistent/spool/x.mp4"]), null, CancellationToken.None);

        var error = ErrorClassifier.Classify(result);

        Assert.Equal(MediaError.Of(ErrorCategory.InputMissing, "The input file does not exist: file:/nonexistent/spool/x.mp4: No such file or directory"), error);
    }

    private static ProcessResult Exited(string commandLine, string stderr, int exitCode) =>
        new(ProcessEnd.Exited, exitCode, "", stderr, commandLine, TimeSpan.FromSeconds(1));
}
