using Spool.Core.Chunking;

namespace Spool.Core.Tests.Chunking;

public sealed class ChunkPlannerTests
{
    private static readonly double[] EveryTwoSeconds = [.. Enumerable.Range(0, 12).Select(i => i * 2.0)];

    [Fact]
    public void Keyframes_every_two_seconds_split_24_seconds_into_four_six_second_chunks()
    {
        var chunks = ChunkPlanner.Split(EveryTwoSeconds, 24, 6);

        Assert.Equal([new ChunkSpan(1, 0, 6), new ChunkSpan(2, 6, 12), new ChunkSpan(3, 12, 18), new ChunkSpan(4, 18, null)], chunks);
    }

    [Fact]
    public void Boundaries_snap_to_the_nearest_keyframe()
    {
        var chunks = ChunkPlanner.Split([0, 5, 10, 15, 20], 24, 6);

        Assert.Equal([new ChunkSpan(1, 0, 5), new ChunkSpan(2, 5, 10), new ChunkSpan(3, 10, 20), new ChunkSpan(4, 20, null)], chunks);
    }

    [Fact]
    public void Boundaries_that_snap_onto_the_same_keyframe_are_dropped()
    {
        var chunks = ChunkPlanner.Split([0, 20], 24, 6);

        Assert.Equal([new ChunkSpan(1, 0, 20), new ChunkSpan(2, 20, null)], chunks);
    }

    [Fact]
    public void A_boundary_count_spreads_the_chunks_evenly_not_leaving_a_short_tail()
    {
        // 25 s at 6 s: four chunks of 6.25 s planned, snapped to the 0.5 s keyframe grid (6.25 and 18.75 tie and take the earlier, 12.5 is one).
        var chunks = ChunkPlanner.Split([.. Enumerable.Range(0, 50).Select(i => i * 0.5)], 25, 6);

        Assert.Equal([new ChunkSpan(1, 0, 6), new ChunkSpan(2, 6, 12.5), new ChunkSpan(3, 12.5, 18.5), new ChunkSpan(4, 18.5, null)], chunks);
    }

    [Fact]
    public void An_input_with_one_keyframe_is_not_chunked()
    {
        Assert.Empty(ChunkPlanner.Split([0], 24, 6));
    }

    [Fact]
    public void Fixed_chunks_only_inputs_longer_than_twice_the_length()
    {
        var six = ChunkSetting.Parse("6")!;

        Assert.Equal(6, ChunkRule.ChunkLength(six, 24, 24, 2));
        Assert.Equal(6, ChunkRule.ChunkLength(six, 12.5, 12.5, 1));
        Assert.Null(ChunkRule.ChunkLength(six, 12, 12, 2));
        Assert.Null(ChunkRule.ChunkLength(six, null, 0, 2));
    }

    [Fact]
    public void Off_never_chunks()
    {
        Assert.Null(ChunkRule.ChunkLength(ChunkSetting.Off, 3600, 3600, 8));
    }

    [Fact]
    public void Auto_chunks_an_input_that_would_hold_the_tail_into_three_chunks_per_slot()
    {
        // One 3-minute clip and eight 8-s clips on two slots: 244 s total, 122 s a slot; 180 s > 1.2 × 122 s.
        Assert.Equal(30, ChunkRule.ChunkLength(ChunkSetting.Auto, 180, 244, 2));

        // A lone 2-minute input on two slots: 120 s > 1.2 × 60 s; 120 / 6 = 20 s chunks.
        Assert.Equal(20, ChunkRule.ChunkLength(ChunkSetting.Auto, 120, 120, 2));

        // A lone hour on four slots: 3600 / 12 = 300 s chunks.
        Assert.Equal(300, ChunkRule.ChunkLength(ChunkSetting.Auto, 3600, 3600, 4));
    }

    [Fact]
    public void Auto_leaves_short_inputs_balanced_batches_and_single_slots_whole()
    {
        Assert.Null(ChunkRule.ChunkLength(ChunkSetting.Auto, 59, 59, 4));
        Assert.Null(ChunkRule.ChunkLength(ChunkSetting.Auto, 120, 240, 2));
        Assert.Null(ChunkRule.ChunkLength(ChunkSetting.Auto, 120, 120, 1));
        Assert.Equal(10, ChunkRule.ChunkLength(ChunkSetting.Auto, 60, 60, 4));
    }

    [Theory]
    [InlineData("auto", ChunkKind.Auto, 0)]
    [InlineData("OFF", ChunkKind.Off, 0)]
    [InlineData(" 6 ", ChunkKind.Fixed, 6)]
    [InlineData("2.5", ChunkKind.Fixed, 2.5)]
    public void Chunk_settings_parse(string text, ChunkKind kind, double seconds)
    {
        Assert.Equal(new ChunkSetting(kind, seconds), ChunkSetting.Parse(text));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("often")]
    [InlineData("NaN")]
    public void Bad_chunk_settings_do_not_parse(string text)
    {
        Assert.Null(ChunkSetting.Parse(text));
    }
}
