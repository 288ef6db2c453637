using System.Net;
using Alba;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Tenants;
using Gulou.Events.Contracts.Institutions;
using Gulou.Events.Contracts.Progress;
using Gulou.Events.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gulou.Events.IntegrationTests.Progress;

/// <summary>The figures survive a restart of the service, and the projection resumes where it stopped.</summary>
public sealed class RestartTests
{
    private const string Schema = "gulou_restart_tests";

    [Fact]
    public async Task After_a_restart_the_figures_are_the_same_and_new_reports_still_count()
    {
        var (connectionString, container) = await TestDatabase.AcquireAsync();
        try
        {
            string tenant = "t" + Guid.NewGuid().ToString("N")[..12], adminKey = ApiKeys.Generate();
            string partnerKey;
            ProgressOverview before;
            await using (var first = await AppFixture.StartHostAsync(connectionString, Schema))
            {
                await TenantBootstrap.EnsureAsync(first.Services.GetRequiredService<IDocumentStore>(), first.Services.GetRequiredService<CurrentPlan>(), tenant, adminKey, NullLogger.Instance, CancellationToken.None);
                var admin = new ApiClient(first, adminKey);
                var partner = (await admin.PostAsync("/api/v1/institutions", new RegisterInstitution("福州大学", InstitutionKind.University, Gulou.Events.Contracts.Role.Partner))).As<InstitutionDto>();
                partnerKey = (await admin.PostAsync($"/api/v1/institutions/{partner.Id}/keys")).As<IssuedKey>().Key;
                var client = new ApiClient(first, partnerKey);
                (await client.PostAsync("/api/v1/activities", Reports.Competition("C-1", 4000, new DateOnly(2023, 5, 1)))).ShouldBe(HttpStatusCode.Created);
                (await client.PostAsync("/api/v1/activities", Reports.LabOpenDay("L-1"))).ShouldBe(HttpStatusCode.Created);
                before = (await client.GetAsync("/api/v1/progress?year=2023&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<ProgressOverview>();
            }

            await using var second = await AppFixture.StartHostAsync(connectionString, Schema);
            var again = new ApiClient(second, partnerKey);
            var after = (await again.GetAsync("/api/v1/progress?year=2023&waitForNonStale=true")).ShouldBe(HttpStatusCode.OK).As<ProgressOverview>();
            Assert.Equal(before.Targets.Select(t => (t.Code, t.Actual, t.Status)), after.Targets.Select(t => (t.Code, t.Actual, t.Status)));
            Assert.Equal(4000, after.Targets.Single(t => t.Code == "T-COMPETITION").Actual);

            (await again.PostAsync("/api/v1/activities", Reports.Competition("C-2", 2500, new DateOnly(2023, 6, 1)))).ShouldBe(HttpStatusCode.Created);
            var resumed = (await again.GetAsync("/api/v1/progress?year=2023&waitForNonStale=true")).As<ProgressOverview>();
            Assert.Equal(6500, resumed.Targets.Single(t => t.Code == "T-COMPETITION").Actual);
            Assert.True(resumed.Freshness.CaughtUp);
        }
        finally
        {
            if (container is not null)
            {
                await container.DisposeAsync();
            }
        }
    }
}
