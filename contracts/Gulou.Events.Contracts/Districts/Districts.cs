using Gulou.Events.Contracts.Institutions;

namespace Gulou.Events.Contracts.Districts;

/// <summary>A district joined the registry: its code (the tenant its data is kept under), its name, the database it lives in and the plans it runs.</summary>
public sealed record DistrictRegistered(string Code, string Name, string Database, IReadOnlyList<string> Plans);

/// <summary>A district's data was moved to another database (<c>districts move</c>).</summary>
public sealed record DistrictMoved(string Code, string FromDatabase, string ToDatabase);

/// <summary>
/// Creates a district. <see cref="Code"/> is its permanent identifier: lower-case letters, digits and hyphens, starting
/// with a letter. <see cref="Database"/> names one of the configured databases (the main one when left out);
/// <see cref="Plans"/> lists the plan catalogs it runs (the plan in force when left out).
/// </summary>
public sealed record CreateDistrict(string Code, string Name, string? Database = null, IReadOnlyList<string>? Plans = null);

public sealed record DistrictDto(string Code, string Name, string Database, IReadOnlyList<string> Plans, DateTimeOffset RegisteredAt);

/// <summary>Answer to creating a district, or to issuing another administrator key for it: the key is shown here once and never again.</summary>
public sealed record DistrictCreated(DistrictDto District, IssuedKey AdministratorKey);

/// <summary>The caller's own district, as any of its keys sees it.</summary>
public sealed record CurrentDistrict(string Code, string Name, IReadOnlyList<string> Plans);
