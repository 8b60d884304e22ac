using Spool.Core.Planning;
using Spool.Media.Processes;

namespace Spool.Core.Operations;

internal sealed partial class EncodeRunner
{
    /// <summary>A joined output (see <see cref="ChunkJoiner"/>) is checked, placed and committed like any encoded one.</summary>
    public Task<JobResult> VerifyAndPlaceJoinedAsync(OutputPlan output, EncodeContext context, ProcessResult join, CancellationToken cancellationToken) =>
        VerifyAndPlaceAsync(output, context, new RunKind(1, Fused: false), join, [], cancellationToken);
}
