namespace JitBot.Redis.Audit;

/// <summary>Checks audit entries one by one, oldest first, against the chain; remembers the first broken link.</summary>
internal sealed class AuditChainWalk
{
    private string previousHash = "";

    public long Checked { get; private set; }

    public AuditChainReport? Failure { get; private set; }

    /// <summary>Checks one entry; false once the chain is broken (stop walking).</summary>
    public bool Accept(string id, IReadOnlyList<string> fields, string prev, string hash)
    {
        Checked++;
        if (!string.Equals(prev, previousHash, StringComparison.Ordinal))
        {
            Failure = AuditChainReport.Broken(Checked, id, "its prev does not match the hash of the entry before it: an entry was removed or replaced");
            return false;
        }

        if (!string.Equals(hash, AuditChain.Hash(prev, fields), StringComparison.Ordinal))
        {
            Failure = AuditChainReport.Broken(Checked, id, "its hash does not match its fields: the entry was edited");
            return false;
        }

        previousHash = hash;
        return true;
    }

    /// <summary>The report once every entry was accepted; <paramref name="head"/> is the stored hash of the newest entry.</summary>
    public AuditChainReport Finish(string head)
    {
        if (Failure is not null)
        {
            return Failure;
        }

        return string.Equals(head, previousHash, StringComparison.Ordinal)
            ? AuditChainReport.Intact(Checked)
            : AuditChainReport.Broken(Checked, null, "the head does not match the newest entry: the newest entries were removed");
    }
}
