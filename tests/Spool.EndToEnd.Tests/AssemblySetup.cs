// Every class drives ffmpeg on all cores already; running them side by side only makes each slower and less predictable.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
