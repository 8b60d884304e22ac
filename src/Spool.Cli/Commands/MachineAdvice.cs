using Spool.Core.Benchmarking;
using Spool.Core.Storage;

namespace Spool.Cli.Commands;

/// <summary>The edge of --max-concurrent auto: spool bench's record in $SPOOL_HOME for this machine's cores, else the rule.</summary>
internal static class MachineAdvice
{
    public static ConcurrencyAdvice Current() =>
        BenchRecord.AdviceFor(BenchRecord.Read(StoreLocation.HomeFromEnvironment()), Environment.ProcessorCount);
}
