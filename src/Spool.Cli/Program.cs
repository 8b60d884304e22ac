using Spool.Cli;

return await SpoolApp.RunAsync(args);
