using Gulou.Events.Api.Activities;
using Gulou.Events.Api.Cities;
using Gulou.Events.Api.Dashboard;
using Gulou.Events.Api.Designations;
using Gulou.Events.Api.Districts;
using Gulou.Events.Api.Indicators;
using Gulou.Events.Api.Infrastructure.Errors;
using Gulou.Events.Api.Infrastructure.Health;
using Gulou.Events.Api.Infrastructure.Hosting;
using Gulou.Events.Api.Infrastructure.Json;
using Gulou.Events.Api.Infrastructure.Observability;
using Gulou.Events.Api.Infrastructure.OpenApi;
using Gulou.Events.Api.Infrastructure.Persistence;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Api.Infrastructure.Validation;
using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Migrations;
using Gulou.Events.Api.Persons;
using Gulou.Events.Api.Plan;
using Gulou.Events.Api.Progress;
using Gulou.Events.Api.Projections;
using Gulou.Events.Api.Projections.CommandLine;
using Gulou.Events.Api.Reviews;
using Gulou.Events.Api.Reviews.CommandLine;
using Gulou.Events.Api.Tenants;
using Gulou.Events.Api.Volunteers;
using JasperFx;
using Wolverine.Http;

var builder = WebApplication.CreateBuilder(args);
builder.UseGulouUrls();
builder.UseGulouSecretFiles();
builder.AddGulouObservability();
var settings = GulouSettings.From(builder.Configuration);
var plan = PlanModule.Load(settings);

builder.Services
    .AddSingleton(TimeProvider.System)
    .AddGulouJson()
    .AddGulouProblemDetails()
    .AddGulouSecurity()
    .AddGulouRateLimiting(builder.Configuration)
    .AddGulouValidation()
    .AddGulouOpenApi()
    .AddGulouHealth()
    .AddGulouMarten(settings)
    .AddPlan(plan)
    .AddInstitutions(settings)
    .AddDistricts()
    .AddCities()
    .AddActivities()
    .AddDesignations()
    .AddVolunteers()
    .AddIndicators()
    .AddPersons()
    .AddMigrations()
    .AddProgress()
    .AddReviews()
    .AddProjectionOperations()
    .AddTenants(settings)
    .AddWolverineHttp();
builder.Host.UseGulouWolverine(builder.Configuration);

var app = builder.Build();
app.UseGulouForwardedHeaders();
app.UseGulouObservability();
app.UseGulouProblemDetails();
app.UseGulouApiHeaders();
app.UseGulouCorrelationId();
app.UseGulouOpenApi();
app.UseGulouDashboard();
app.UseRouting();
app.UseGulouRequestBodyLimit();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseGulouRouteIds();
app.MapGulouHealth();
app.MapGulouEndpoints();

// A plain start (no command, or only options such as --urls) runs the web host; the command line (db-apply,
// projections, codegen, …) is discovered only when a command is given.
if (args is [] or [['-', ..], ..])
{
    await app.RunAsync();
    return 0;
}

return await app.RunJasperFxCommands(VerifySealCommand.Alias(VerifyProjectionsCommand.Alias(args)));

/// <summary>The entry point, visible to the integration tests.</summary>
public partial class Program;
