namespace JitBot.Startup;

/// <summary>A configuration problem that stops start-up; its message names the file, line or key.</summary>
internal sealed class StartupException(string message) : Exception(message);
