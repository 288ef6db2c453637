using Gulou.Events.Api.Districts;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Cities;
using Marten;

namespace Gulou.Events.Api.Cities;

/// <summary>
/// The cities of the deployment: a stream per city and one per city auditor's key, in the main database (the default
/// tenant, which is no district's). A city names registered districts only.
/// </summary>
public sealed partial class CityRegistry(IDocumentStore store, DistrictRegistry districts, TimeProvider clock, ILogger<CityRegistry> logger)
{
    public const string FirstKeyLabel = "city auditor";

    public async Task<IReadOnlyList<CityRecord>> ListAsync(CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.Query<CityRecord>().OrderBy(c => c.Code).ToListAsync(cancellation);
    }

    public async Task<CityRecord?> FindAsync(string code, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<CityRecord>(CityRecord.IdFor(code), cancellation);
    }

    /// <summary>The city a city auditor's key reads.</summary>
    public async Task<CityRecord> OfCallerAsync(System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellation)
    {
        var code = user.FindFirst(GulouClaims.City)?.Value ?? throw ProblemException.Forbidden("This key reads no city.");
        return await FindAsync(code, cancellation) ?? throw ProblemException.NotFound("city", code);
    }

    /// <summary>Registers the city with its districts and its first city auditor's key, in one transaction.</summary>
    public async Task<CityCreated> CreateAsync(CreateCity request, CancellationToken cancellation)
    {
        var members = request.Districts.Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < request.Districts.Count; i++)
        {
            await RequireDistrictAsync($"districts[{i}]", request.Districts[i], cancellation);
        }

        await using var session = store.LightweightSession();
        var id = CityRecord.IdFor(request.Code);
        if (await session.LoadAsync<CityRecord>(id, cancellation) is not null)
        {
            throw ProblemException.Conflict(ErrorCodes.InvalidState, $"City '{request.Code}' exists.");
        }

        session.Events.StartStream<CityRecord>(id, new CityRegistered(request.Code, request.Name.Trim(), members));
        var key = Issue(session, request.Code, FirstKeyLabel);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (Exception e) when (StreamCollision.Is(e))
        {
            throw ProblemException.Conflict(ErrorCodes.InvalidState, $"City '{request.Code}' exists.");
        }

        LogCreated(logger, request.Code, members.Count);
        var city = await FindAsync(request.Code, cancellation);
        return new CityCreated(city!.ToDto(), key);
    }

    /// <summary>Adds a registered district to the city; a district already in it changes nothing.</summary>
    public async Task<CityDto> AddDistrictAsync(string code, string district, CancellationToken cancellation)
    {
        await RequireDistrictAsync("district", district, cancellation);
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<CityRecord>(CityRecord.IdFor(code), cancellation);
        var city = stream.Aggregate ?? throw ProblemException.NotFound("city", code);
        if (!city.Districts.Contains(district))
        {
            stream.AppendOne(new CityDistrictAdded(code, district));
            await session.SaveChangesAsync(cancellation);
            city.Districts.Add(district);
        }

        return city.ToDto();
    }

    /// <summary>Another city auditor's key for the city, shown once.</summary>
    public async Task<IssuedCityKey> IssueKeyAsync(string code, string? label, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<CityRecord>(CityRecord.IdFor(code), cancellation) is null)
        {
            throw ProblemException.NotFound("city", code);
        }

        var key = Issue(session, code, string.IsNullOrWhiteSpace(label) ? FirstKeyLabel : label.Trim());
        await session.SaveChangesAsync(cancellation);
        return key;
    }

    /// <summary>Revokes one of the city's keys at once; revoking a revoked key changes nothing.</summary>
    public async Task RevokeKeyAsync(string code, Guid keyId, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<CityKeyRecord>(keyId, cancellation);
        if (stream.Aggregate is not { } key || key.City != code)
        {
            throw ProblemException.NotFound("key", keyId);
        }

        if (key.RevokedAt is null)
        {
            stream.AppendOne(new CityKeyRevoked(keyId, code));
            await session.SaveChangesAsync(cancellation);
        }
    }

    private IssuedCityKey Issue(IDocumentSession session, string city, string label)
    {
        var key = ApiKeys.Generate();
        var keyId = Guid.CreateVersion7();
        session.Events.StartStream<CityKeyRecord>(keyId, new CityKeyIssued(keyId, city, ApiKeys.Hash(key), label));
        return new IssuedCityKey(keyId, city, key, clock.GetUtcNow());
    }

    private async Task RequireDistrictAsync(string field, string district, CancellationToken cancellation)
    {
        if (await districts.FindAsync(district, cancellation) is null)
        {
            throw ProblemException.Invalid(field, $"'{district}' is not a registered district.");
        }
    }

    [LoggerMessage(LogLevel.Information, "Created city {City} of {Districts} districts")]
    private static partial void LogCreated(ILogger logger, string city, int districts);
}
