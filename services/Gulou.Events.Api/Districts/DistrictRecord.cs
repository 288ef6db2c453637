using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Contracts.Districts;
using JasperFx.Events;

namespace Gulou.Events.Api.Districts;

/// <summary>A district of the registry: inline snapshot of its stream, kept in the main database beside no district's data.</summary>
public sealed class DistrictRecord : IRecord<DistrictRecord>
{
    /// <summary>The events this record follows, with their names in the log.</summary>
    public static IReadOnlyList<RecordEvent> Events { get; } =
    [
        RecordEvent.Of<DistrictRegistered>("district_registered"),
        RecordEvent.Of<DistrictMoved>("district_moved"),
    ];

    public Guid Id { get; set; }

    /// <summary>The district's code: the tenant every record of the district is kept under.</summary>
    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The database of the pool the district's data lives in.</summary>
    public string Database { get; set; } = "";

    public List<string> Plans { get; set; } = [];

    public DateTimeOffset RegisteredAt { get; set; }

    public long Version { get; set; }

    public static Guid IdFor(string code) => DeterministicGuid.Create("district", code);

    public static DistrictRecord Create(IEvent<DistrictRegistered> e) => new()
    {
        Id = IdFor(e.Data.Code),
        Code = e.Data.Code,
        Name = e.Data.Name,
        Database = e.Data.Database,
        Plans = [.. e.Data.Plans],
        RegisteredAt = e.Timestamp,
    };

    public void Apply(DistrictMoved e) => Database = e.ToDatabase;

    public DistrictDto ToDto() => new(Code, Name, Database, Plans, RegisteredAt);
}
