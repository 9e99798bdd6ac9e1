using ClimateAD.Cli;

return CliApp.Run(args);
