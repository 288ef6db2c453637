using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Contracts.Cities;
using JasperFx.Events;

namespace Gulou.Events.Api.Cities;

/// <summary>A city of the registry: inline snapshot of its stream, kept in the main database beside no district's data.</summary>
public sealed class CityRecord : IRecord<CityRecord>
{
    /// <summary>The events this record follows, with their names in the log.</summary>
    public static IReadOnlyList<RecordEvent> Events { get; } =
    [
        RecordEvent.Of<CityRegistered>("city_registered"),
        RecordEvent.Of<CityDistrictAdded>("city_district_added"),
    ];

    public Guid Id { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The districts of the city, by code, in the order they joined it.</summary>
    public List<string> Districts { get; set; } = [];

    public DateTimeOffset RegisteredAt { get; set; }

    public long Version { get; set; }

    public static Guid IdFor(string code) => DeterministicGuid.Create("city", code);

    public static CityRecord Create(IEvent<CityRegistered> e) => new()
    {
        Id = IdFor(e.Data.Code),
        Code = e.Data.Code,
        Name = e.Data.Name,
        Districts = [.. e.Data.Districts],
        RegisteredAt = e.Timestamp,
    };

    public void Apply(CityDistrictAdded e) => Districts.Add(e.District);

    public CityDto ToDto() => new(Code, Name, Districts, RegisteredAt);
}

/// <summary>A city auditor's key: its hash, its city, and whether it is revoked. Inline snapshot of the key's stream.</summary>
public sealed class CityKeyRecord : IRecord<CityKeyRecord>
{
    /// <summary>The events this record follows, with their names in the log.</summary>
    public static IReadOnlyList<RecordEvent> Events { get; } =
    [
        RecordEvent.Of<CityKeyIssued>("city_key_issued"),
        RecordEvent.Of<CityKeyRevoked>("city_key_revoked"),
    ];

    public Guid Id { get; set; }

    public string City { get; set; } = "";

    public string SecretHash { get; set; } = "";

    public string? Label { get; set; }

    public DateTimeOffset IssuedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public long Version { get; set; }

    public static CityKeyRecord Create(IEvent<CityKeyIssued> e) => new()
    {
        Id = e.Data.KeyId,
        City = e.Data.City,
        SecretHash = e.Data.SecretHash,
        Label = e.Data.Label,
        IssuedAt = e.Timestamp,
    };

    public void Apply(IEvent<CityKeyRevoked> e) => RevokedAt = e.Timestamp;
}
