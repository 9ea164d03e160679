namespace JitBot.LoadTest;

/// <summary>
/// Who requests what for how long. The burst requests are spread evenly through the run, all for
/// <see cref="BurstDuration"/>; the others get durations staggered over <see cref="StaggerSpread"/> seconds.
/// </summary>
internal static class LoadPlan
{
    public const int StaggerMin = 10;
    public const int StaggerSpread = 40;
    public const int BurstDuration = 30;

    public static IReadOnlyList<RequestTrack> Build(LoadOptions options)
    {
        var tracks = new List<RequestTrack>(options.Requests);
        var steady = 0;
        for (var i = 0; i < options.Requests; i++)
        {
            // Exactly Burst of the indexes, evenly spaced: where i·B/N steps to the next whole number.
            var inBurst = (long)i * options.Burst / options.Requests != (long)(i + 1) * options.Burst / options.Requests;
            var duration = inBurst ? BurstDuration : StaggerMin + (steady++ % StaggerSpread);
            tracks.Add(new RequestTrack(i, LoadWorld.Requester(i), duration, inBurst));
        }

        return tracks;
    }
}
