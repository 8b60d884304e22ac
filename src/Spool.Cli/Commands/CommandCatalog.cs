using System.CommandLine;

namespace Spool.Cli.Commands;

internal static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        ProcessCommand.Create(),
        ProcessCommand.CreateList(),
        PlanCommand.Create(),
        ProbeCommand.Create(),
        PresetsCommand.Create(),
        DemoCommand.Create(),
        DoctorCommand.Create(),
    ];
}
