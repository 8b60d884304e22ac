using Spool.Media.Probing;

namespace Spool.Media.Tests.Probing;

public sealed class FfprobeJsonTests
{
    [Fact]
    public void Real_capture_reads_strings_numbers_disposition_tags_and_side_data()
    {
        var raw = ProbeFixtures.Raw("audio_stream_first");

        var video = raw.Streams![1];
        Assert.Equal((1, "video", "h264", 568, 320), (video.Index, video.CodecType, video.CodecName, video.Width, video.Height));
        Assert.Equal(("30/1", "30/1", "progressive"), (video.RFrameRate, video.AvgFrameRate, video.FieldOrder));
        Assert.Equal(("2.675000", "82", "8"), (video.Duration, video.NbFrames, video.BitsPerRawSample));
        Assert.Equal(0, video.Disposition!.AttachedPic);
        Assert.Equal("Core Media Video", video.Tags!["handler_name"]);
        var matrix = Assert.Single(video.SideDataList!);
        Assert.Equal(("Display Matrix", -180.0), (matrix.SideDataType, matrix.Rotation));
        Assert.Equal(("44100", 1, "mono"), (raw.Streams[0].SampleRate, raw.Streams[0].Channels, raw.Streams[0].ChannelLayout));
        Assert.Equal(("mov,mp4,m4a,3gp,3g2,mj2", "2.675000", "269863", "807066", 2), (raw.Format!.FormatName, raw.Format.Duration, raw.Format.Size, raw.Format.BitRate, raw.Format.NbStreams));
    }

    [Fact]
    public void Numbers_and_strings_are_read_either_way()
    {
        const string json = """
            {"streams":[{"index":"2","codec_type":"video","width":"640","height":480,"duration":1.5,"nb_frames":12,
              "bits_per_raw_sample":10,"tags":{"rotate":90,"hd":true},"disposition":{"attached_pic":"1"},
              "side_data_list":[{"side_data_type":"Display Matrix","rotation":"-90"}]}],
             "format":{"size":1000,"duration":"1.5","nb_streams":"1"}}
            """;

        var raw = FfprobeJson.Parse(json)!;

        var stream = raw.Streams![0];
        Assert.Equal((2, 640, 480), (stream.Index, stream.Width, stream.Height));
        Assert.Equal(("1.5", "12", "10"), (stream.Duration, stream.NbFrames, stream.BitsPerRawSample));
        Assert.Equal(("90", "true"), (stream.Tags!["rotate"], stream.Tags["hd"]));
        Assert.Equal(1, stream.Disposition!.AttachedPic);
        Assert.Equal(-90.0, stream.SideDataList![0].Rotation);
        Assert.Equal(("1000", 1), (raw.Format!.Size, raw.Format.NbStreams));
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        var raw = FfprobeJson.Parse("""{"streams":[{"index":0,"codec_type":"audio","extra":{"a":[1,2]}}],"programs":[]}""");

        Assert.Equal("audio", raw!.Streams![0].CodecType);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("not json")]
    [InlineData("{\"streams\":[{\"index\":0,")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"streams\":[{\"width\":\"wide\"}]}")]
    public void Text_that_is_not_ffprobe_json_gives_null(string text)
    {
        Assert.Null(FfprobeJson.Parse(text));
    }
}
