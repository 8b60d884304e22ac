using System.CommandLine;

namespace Spool.Cli.Commands;

internal static class CommandCatalog
{
    public static IEnumerable<Command> All() =>
    [
        ProcessCommand.Create(),
        ProcessCommand.CreateList(),
        SubmitCommand.Create(),
        WorkerCommand.Create(),
        StatusCommand.Create(),
        BatchCommands.Resume(),
        BatchCommands.Retry(),
        BatchCommands.Cancel(),
        BatchCommands.Report(),
        BatchCommands.Checkpoint(),
        PlanCommand.Create(),
        ProbeCommand.Create(),
        ValidateCommand.Create(),
        QcCommand.Create(),
        FramesCommand.Create(),
        SubtitlesCommand.Create(),
        AudioCommand.Create(),
        PresetsCommand.Create(),
        DemoCommand.Create(),
        DoctorCommand.Create(),
        BenchCommand.Create(),
        ServeCommand.Create(),
    ];
}
