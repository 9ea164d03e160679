using JitBot.Connectors;
using JitBot.Core;
using JitBot.Hangfire;
using JitBot.Redis;
using JitBot.Slack;
using JitBot.Startup;
using JitBot.Teams;

if (PolicyValidateCommand.Matches(args))
{
    return PolicyValidateCommand.Run(args, Console.Out, Console.Error);
}

try
{
    HostSetup.RaiseThreadPoolMinimum();
    var builder = WebApplication.CreateBuilder(args);
    builder.UseDefaultUrl("http://127.0.0.1:5080");
    var settings = JitBotSettings.Read(builder.Configuration, builder.Environment.ContentRootPath);
    builder.Services.AddConnectors(builder.Configuration);
    builder.Services.AddPolicies(settings, builder.Configuration);
    builder.Services.AddJitBotCore(settings.Jit);
    var store = builder.Services.AddJitBotStore(builder.Configuration);
    builder.Services.AddJitBotScheduling(settings.Scheduling);
    builder.Services.AddSlack(builder.Configuration);
    builder.Services.AddTeams(builder.Configuration);

    var app = builder.Build();
    app.MapHealth();
    app.MapSlack();
    app.MapTeams();
    app.LogStartup(store);
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupErrors.IsConfigurationError(e))
{
    await Console.Error.WriteLineAsync("JitBot cannot start: " + StartupErrors.Message(e));
    return 1;
}
