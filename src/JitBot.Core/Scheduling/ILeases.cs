namespace JitBot.Core.Scheduling;

/// <summary>Named leases shared by every instance: what only one instance at a time should do.</summary>
public interface ILeases
{
    /// <summary>
    /// Takes <paramref name="name"/> for <paramref name="holder"/> for <paramref name="lease"/>, or renews it when
    /// <paramref name="holder"/> has it already; false while another holder's lease runs.
    /// </summary>
    Task<bool> TryHoldAsync(string name, string holder, TimeSpan lease, CancellationToken cancellationToken);
}
