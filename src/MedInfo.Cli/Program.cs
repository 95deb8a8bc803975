using MedInfo.Cli;

return await MedInfoCommandLine.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
