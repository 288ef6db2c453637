using JasperFx.CommandLine;

namespace Gulou.Events.Api.Districts;

/// <summary>The arguments of a command that runs over one district (<c>--tenant CODE</c>) or, without it, every district.</summary>
public sealed class EveryDistrictInput : NetCoreInput
{
    [Description("The district (tenant); every district when left out")]
    public string? TenantFlag { get; set; }

    public async Task<IReadOnlyList<string>> TenantsAsync(IServiceProvider services) =>
        TenantFlag is { } one ? [one] : (await services.GetRequiredService<DistrictRegistry>().ListAsync(CancellationToken.None)).Select(d => d.Code).ToList();
}
