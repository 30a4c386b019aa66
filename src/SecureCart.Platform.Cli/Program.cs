using SecureCart.Platform.Cli;

return await SecureCartCommand.InvokeAsync(args, Console.Out, Console.Error);
