namespace JitBot.Connectors.Postgres;

/// <summary>How a <c>Type: postgres</c> connector grants (<c>Mode</c>).</summary>
internal enum PostgresMode
{
    /// <summary>The person's own database role becomes a member of the database role.</summary>
    Membership,

    /// <summary>A new login role with a random password, valid until the expiry, member of the database role.</summary>
    Credentials,
}
