using Spool.Core.Chunking;
using Spool.Media.Commands;

namespace Spool.Core.Tests.Chunking;

public sealed class ChunkCommandsTests
{
    private static readonly FfmpegCommand Whole = new(
        [new FfmpegInput("/in/a.mp4")],
        new FilterGraph([new FilterChain(["0:0"], [new Filter("scale", FilterArg.Positional("640"), FilterArg.Positional("-2"))], ["v0"])]),
        [new FfmpegOutput("/out/a/video/a_web.partial-7-1.mp4", ["[v0]", "0:1"], new VideoEncoding("libx264") { Crf = 28 }, new AudioEncoding("aac") { BitrateKbps = 96, Channels = 2 })
        {
            Format = "mp4",
            FastStart = true,
            Threads = 1,
        }]);

    [Fact]
    public void A_chunk_seeks_its_input_and_encodes_the_same_video_only_with_timestamps_passed_through()
    {
        var chunk = ChunkCommands.Chunk(Whole, new ChunkSpan(2, 6, 12.04), "/out/c/chunk-0002.partial-9-1.mp4");

        Assert.Equal(
            ["-hide_banner", "-y", "-progress", "pipe:1", "-nostats", "-ss", "6", "-to", "12.04", "-i", "file:/in/a.mp4", "-filter_complex", "[0:0]scale=640:-2[v0]",
                "-map", "[v0]", "-c:v", "libx264", "-crf", "28", "-threads", "1", "-an", "-fps_mode", "passthrough", "-map_metadata", "-1", "-map_chapters", "-1",
                "-f", "mp4", "file:/out/c/chunk-0002.partial-9-1.mp4"],
            FfmpegCommandRenderer.Render(chunk));
    }

    [Fact]
    public void The_last_chunk_runs_to_the_end_of_the_input()
    {
        var chunk = ChunkCommands.Chunk(Whole, new ChunkSpan(4, 18, null), "/out/c/chunk-0004.mp4");

        Assert.Equal(["-ss", "18", "-i"], FfmpegCommandRenderer.Render(chunk).Skip(5).Take(3));
    }

    [Fact]
    public void The_join_copies_the_concatenated_video_and_encodes_the_sources_audio_once()
    {
        var join = ChunkCommands.Join(Whole, "/out/c/chunks.partial-7-1.txt");

        Assert.Equal(
            ["-hide_banner", "-y", "-progress", "pipe:1", "-nostats", "-f", "concat", "-safe", "0", "-i", "file:/out/c/chunks.partial-7-1.txt", "-i", "file:/in/a.mp4",
                "-map", "0:v:0", "-map", "1:1", "-c:v", "copy", "-threads", "1", "-c:a", "aac", "-b:a", "96k", "-ac", "2", "-movflags", "+faststart",
                "-f", "mp4", "file:/out/a/video/a_web.partial-7-1.mp4"],
            FfmpegCommandRenderer.Render(join));
    }

    [Fact]
    public void The_concat_list_quotes_each_chunk_as_a_file_url()
    {
        Assert.Equal("file 'file:/out/c/chunk-0001.mp4'\nfile 'file:/out/it'\\''s/chunk-0002.mp4'\n", ChunkCommands.ConcatList(["/out/c/chunk-0001.mp4", "/out/it's/chunk-0002.mp4"]));
    }

    [Fact]
    public void Only_an_encoded_video_without_frame_rate_or_audio_filters_is_chunked()
    {
        var output = Whole.Outputs[0];
        var graph = Whole.Graph!;
        Assert.True(ChunkCommands.CanChunk(Whole));
        Assert.False(ChunkCommands.CanChunk(Whole with { Outputs = [output with { Video = VideoEncoding.Copy }] }));
        Assert.False(ChunkCommands.CanChunk(Whole with { Graph = new FilterGraph([graph.Chains[0] with { Filters = [new Filter("fps", FilterArg.Positional("30"))] }]) }));
        Assert.False(ChunkCommands.CanChunk(Whole with { Graph = new FilterGraph([graph.Chains[0], new FilterChain(["0:1"], [new Filter("loudnorm")], ["a0"])]) }));
        Assert.False(ChunkCommands.CanChunk(Whole with { Inputs = [.. Whole.Inputs, new FfmpegInput("/in/a.srt")] }));
    }

    [Fact]
    public void Packet_lists_give_keyframes_from_the_files_start_and_the_frame_count()
    {
        var list = VideoPackets.Parse("packet,1.400000,K__\npacket,1.480000,___\npacket,3.400000,K_\nformat,1.400000\n");

        Assert.NotNull(list);
        Assert.Equal([0.0, 2.0], list.Keyframes);
        Assert.Equal(3L, list.Count);
        Assert.Null(VideoPackets.Parse("format,0.000000\n"));
    }
}
