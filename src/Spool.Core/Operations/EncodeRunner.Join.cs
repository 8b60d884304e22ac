using Spool.Core.Planning;
using Spool.Media.Processes;

namespace Spool.Core.Operations;

internal sealed partial class EncodeRunner
{
    /// <summary>
    /// A joined output (see <see cref="ChunkJoiner"/>) is checked, placed and committed like any encoded one. The join
    /// copies the chunks' video, so no encoder measured it as a whole: quick QC compares it with its source instead.
    /// </summary>
    public Task<JobResult> VerifyAndPlaceJoinedAsync(OutputPlan output, EncodeContext context, ProcessResult join, CancellationToken cancellationToken) =>
        VerifyAndPlaceAsync(output, context, new RunKind(1, Fused: false), join, new EncodeMeasured([], null), cancellationToken);
}
