using JitBot.Core.Requests;
using JitBot.Redis.Requests;

namespace JitBot.Redis.Tests.Requests;

public sealed class InMemoryRequestStoreTests : RequestStoreContract
{
    protected override IRequestStore Store { get; } = new InMemoryRequestStore();
}
