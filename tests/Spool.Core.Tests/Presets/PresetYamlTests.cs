using Spool.Core.Presets;

namespace Spool.Core.Tests.Presets;

public sealed class PresetYamlTests
{
    private const string File = "presets.yaml";

    [Fact]
    public void Preset_with_a_base_inherits_it_and_overrides_the_keys_it_sets()
    {
        const string yaml = """
            presets:
              my_web:
                base: web_optimized
                crf: 26
                x264_preset: slow
                max_short_side: 540
                max_long_side: 960
                max_fps: 30
                audio_bitrate: 96
                max_bitrate: 2500
            """;

        var catalog = Loaded(yaml);

        var expected = new Preset("my_web", "User preset based on web_optimized", 26, "slow", 2500, new SizeRule.Bound(540, 960), 30, 96);
        Assert.Equal(expected, catalog.Find("my_web"));
        Assert.Equal("my_web", catalog.Names[^1]);
    }

    [Fact]
    public void Preset_without_a_base_starts_from_the_defaults()
    {
        var catalog = Loaded("presets:\n  plain:\n    description: Just smaller files\n    crf: 30\n");

        Assert.Equal(new Preset("plain", "Just smaller files", 30, "medium", null, new SizeRule.Keep(), null, 128), catalog.Find("plain"));
    }

    [Fact]
    public void Canvas_replaces_the_base_size_and_bounds_replace_a_canvas()
    {
        const string yaml = """
            presets:
              vertical:
                base: web_optimized
                canvas: 1080x1920
              smaller_tiktok:
                base: tiktok
                max_long_side: 1280
            """;

        var catalog = Loaded(yaml);

        Assert.Equal(new SizeRule.Canvas(1080, 1920), catalog.Find("vertical")!.Size);
        Assert.Equal(new SizeRule.Bound(null, 1280), catalog.Find("smaller_tiktok")!.Size);
    }

    [Fact]
    public void Bounds_on_a_bounded_base_change_only_the_side_named()
    {
        var catalog = Loaded("presets:\n  web_540:\n    base: web_optimized\n    max_short_side: 540\n");

        Assert.Equal(new SizeRule.Bound(540, 1280), catalog.Find("web_540")!.Size);
    }

    [Fact]
    public void Null_removes_an_inherited_limit_and_bitrates_take_k_and_m_suffixes()
    {
        const string yaml = """
            presets:
              yt_uncapped:
                base: youtube
                max_bitrate: ~
                max_fps: null
              yt_12m:
                base: youtube
                max_bitrate: 12M
                audio_bitrate: 160k
            """;

        var catalog = Loaded(yaml);

        Assert.Equal(((int?)null, (int?)null), (catalog.Find("yt_uncapped")!.MaxBitrateKbps, catalog.Find("yt_uncapped")!.MaxFps));
        Assert.Equal((12_000, 160), (catalog.Find("yt_12m")!.MaxBitrateKbps!.Value, catalog.Find("yt_12m")!.AudioBitrateKbps));
    }

    [Fact]
    public void A_base_may_be_another_user_preset_defined_later_in_the_file()
    {
        const string yaml = """
            presets:
              child:
                base: parent
                crf: 20
              parent:
                base: mobile_optimized
                audio_bitrate: 48
            """;

        var child = Loaded(yaml).Find("child")!;

        Assert.Equal((20, 48, (SizeRule)new SizeRule.Bound(480, 854)), (child.Crf, child.AudioBitrateKbps, child.Size));
    }

    [Fact]
    public void Preset_based_on_auto_stays_adaptive_when_only_audio_fps_and_cap_change()
    {
        var auto = Loaded("presets:\n  auto_capped:\n    base: auto\n    max_fps: 30\n    max_bitrate: 5000\n").Find("auto_capped")!;

        Assert.True(auto.IsSourceAdaptive);
        Assert.Equal(18, AutoPreset.ForSource(auto, 3840, 2160).Crf);
        Assert.Equal((30, 5000), (auto.MaxFps!.Value, auto.MaxBitrateKbps!.Value));
    }

    [Fact]
    public void Tracks_all_keeps_every_track_and_a_preset_based_on_archival_inherits_it_unless_it_says_main()
    {
        var presets = Loaded("presets:\n  master:\n    base: high_quality\n    tracks: all\n  vault:\n    base: archival\n    crf: 16\n  slim:\n    base: archival\n    tracks: main\n");

        Assert.Equal(
            (true, true, false, false),
            (presets.Find("master")!.KeepsEveryTrack, presets.Find("vault")!.KeepsEveryTrack, presets.Find("slim")!.KeepsEveryTrack, presets.Find("high_quality")!.KeepsEveryTrack));
    }

    [Fact]
    public void Empty_file_adds_nothing()
    {
        Assert.Same(PresetCatalog.BuiltIn, Loaded(string.Empty));
        Assert.Same(PresetCatalog.BuiltIn, Loaded("presets:\n"));
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        {
            "presets:\n  my_web:\n    base: web_optimized\n    crf: abc\n",
            "presets.yaml:4: preset 'my_web': crf: 'abc' is not a whole number from 0 to 51"
        },
        {
            "presets:\n  my_web:\n    crf: 60\n",
            "presets.yaml:3: preset 'my_web': crf: '60' is not a whole number from 0 to 51"
        },
        {
            "presets:\n  my_web:\n    crf: 20\n    max_shortside: 540\n",
            "presets.yaml:4: preset 'my_web': max_shortside: unknown key; known keys: base, description, crf, x264_preset, "
            + "max_short_side, max_long_side, canvas, max_fps, audio_bitrate, max_bitrate, tracks"
        },
        {
            "presets:\n  my_web:\n    tracks: every\n",
            "presets.yaml:3: preset 'my_web': tracks: 'every' is not 'all' (every audio and subtitle track) or 'main' (the main audio track)"
        },
        {
            "presets:\n  my_web:\n    base: vimeo\n",
            "presets.yaml:3: preset 'my_web': base: unknown preset 'vimeo'; known presets: auto, web_optimized, high_quality, "
            + "mobile_optimized, fast_draft, archival, social_media, instagram, tiktok, youtube, twitter, facebook, my_web"
        },
        {
            "presets:\n  a:\n    base: b\n  b:\n    base: a\n",
            "presets.yaml:3: preset 'a': base: presets are based on each other in a loop: a -> b -> a"
        },
        {
            "presets:\n  youtube:\n    crf: 20\n",
            "presets.yaml:2: preset 'youtube': 'youtube' is already a preset; give yours another name and use 'base: youtube'"
        },
        {
            "presets:\n  My Web:\n    crf: 20\n",
            "presets.yaml:2: preset 'My Web': a preset name is lowercase letters, digits, '_' and '-' (at most 64)"
        },
        {
            "presets:\n  both:\n    canvas: 1080x1920\n    max_long_side: 1280\n",
            "presets.yaml:3: preset 'both': canvas: set either canvas or max_short_side/max_long_side, not both"
        },
        {
            "presets:\n  odd:\n    canvas: 1081x1920\n",
            "presets.yaml:3: preset 'odd': canvas: '1081x1920' is not WIDTHxHEIGHT with even sizes from 2 to 8192, e.g. 1080x1920"
        },
        {
            "presets:\n  auto_slow:\n    base: auto\n    x264_preset: slow\n",
            "presets.yaml:3: preset 'auto_slow': base: 'auto' picks crf, x264_preset and size from each source; "
            + "only audio_bitrate, max_fps and max_bitrate can be changed on it"
        },
        {
            "presets:\n  quick:\n    x264_preset: turbo\n",
            "presets.yaml:3: preset 'quick': x264_preset: 'turbo' is not an x264 preset (ultrafast, superfast, veryfast, faster, "
            + "fast, medium, slow, slower, veryslow, placebo)"
        },
        {
            "presets:\n  sizes:\n    max_long_side: [1280]\n",
            "presets.yaml:3: preset 'sizes': max_long_side: expected a single value, not a list or mapping"
        },
        {
            "preset:\n  my_web:\n    crf: 20\n",
            "presets.yaml:1: preset: unknown top-level key; expected 'presets'"
        },
        {
            "presets:\n  my_web:\n    crf: [20\n",
            "presets.yaml: line 4, column 1: not valid YAML: While parsing a flow sequence, did not find expected ',' or ']'."
        },
        {
            "presets:\n  twice:\n    crf: 20\n  twice:\n    crf: 22\n",
            "presets.yaml: line 4, column 3: not valid YAML: Duplicate key twice"
        },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_file_is_an_error_naming_file_line_preset_and_key(string yaml, string message)
    {
        var outcome = PresetYaml.Parse(yaml, File, PresetCatalog.BuiltIn);

        var invalid = Assert.IsType<PresetLoadOutcome.Invalid>(outcome);
        Assert.Equal(message, invalid.Error.Message);
    }

    [Fact]
    public async Task Missing_file_is_an_error_not_an_exception()
    {
        var path = Path.Combine(Path.GetTempPath(), "spool-no-such-presets-" + Guid.NewGuid().ToString("N") + ".yaml");

        var outcome = await PresetFile.LoadAsync(path, PresetCatalog.BuiltIn, CancellationToken.None);

        var invalid = Assert.IsType<PresetLoadOutcome.Invalid>(outcome);
        Assert.Equal(path + ": file not found", invalid.Error.Message);
    }

    private static PresetCatalog Loaded(string yaml)
    {
        var outcome = PresetYaml.Parse(yaml, File, PresetCatalog.BuiltIn);
        return Assert.IsType<PresetLoadOutcome.Loaded>(outcome).Catalog;
    }
}
