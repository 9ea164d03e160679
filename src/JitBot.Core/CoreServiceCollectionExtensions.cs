using JitBot.Core.Audit;
using JitBot.Core.Chat;
using JitBot.Core.Commands;
using JitBot.Core.Common;
using JitBot.Core.Grants;
using JitBot.Core.Lifecycle;
using JitBot.Core.Policies;
using JitBot.Core.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JitBot.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The use cases and lifecycle handlers; the ports (and the <see cref="IPolicyProvider"/>) are registered by the adapters and the host.</summary>
    public static IServiceCollection AddJitBotCore(this IServiceCollection services, JitOptions options)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<ApproverResolver>();
        services.AddSingleton<Routing>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditPublisher>();
        services.AddSingleton<AuditSignal>();
        services.AddSingleton<AuditLinePoster>();
        services.AddSingleton<RequestSweeper>();
        services.AddSingleton<CardPublisher>();
        services.AddSingleton<RequesterNotifier>();
        services.AddSingleton<SubmitRequestHandler>();
        services.AddSingleton<VoteHandler>();
        services.AddSingleton<IVoteHandler>(sp => sp.GetRequiredService<VoteHandler>());
        services.AddSingleton<CancelHandler>();
        services.AddSingleton<EarlyRevokeHandler>();
        services.AddSingleton<ListHandler>();
        services.AddSingleton<PendingHandler>();
        services.AddSingleton<ResourcesHandler>();
        services.AddSingleton<ICommandRouter, CommandRouter>();
        services.AddSingleton<RevocationRunner>();
        services.AddSingleton<GrantHandler>();
        services.AddSingleton<RevokeHandler>();
        services.AddSingleton<PendingTimeoutHandler>();
        services.AddSingleton<StuckJobHandler>();
        services.AddSingleton<EscalationHandler>();
        services.AddSingleton<ExtensionHandler>();
        services.AddSingleton<ExpiryReminders>();
        services.AddSingleton<ExtendHandler>();
        services.AddSingleton<AuditQueryHandler>();
        services.AddSingleton<Reconciler>();
        services.AddSingleton<WorkRunner>();
        return services;
    }
}
