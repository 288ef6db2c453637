using System.Reflection;

namespace Gulou.Events.Client;

/// <summary>
/// Every route of the API, in one table. A new route of the service is one line here and one method on its resource
/// client; a test compares this table with the service's OpenAPI document, so neither can gain a route alone.
/// </summary>
public static class ApiRoutes
{
    public static readonly ApiRoute GetPlan = new("GET", "/api/v1/plan");
    public static readonly ApiRoute ListPlans = new("GET", "/api/v1/plans");
    public static readonly ApiRoute PublishPlan = new("PUT", "/api/v1/admin/plans/{planId}");

    public static readonly ApiRoute GetDistrict = new("GET", "/api/v1/district");
    public static readonly ApiRoute CreateDistrict = new("POST", "/api/v1/admin/districts");
    public static readonly ApiRoute ListDistricts = new("GET", "/api/v1/admin/districts");
    public static readonly ApiRoute IssueDistrictKey = new("POST", "/api/v1/admin/districts/{code}/keys");

    public static readonly ApiRoute CreateCity = new("POST", "/api/v1/admin/cities");
    public static readonly ApiRoute ListCities = new("GET", "/api/v1/admin/cities");
    public static readonly ApiRoute AddCityDistrict = new("POST", "/api/v1/admin/cities/{code}/districts");
    public static readonly ApiRoute IssueCityKey = new("POST", "/api/v1/admin/cities/{code}/keys");
    public static readonly ApiRoute RevokeCityKey = new("DELETE", "/api/v1/admin/cities/{code}/keys/{keyId}");
    public static readonly ApiRoute GetCityProgress = new("GET", "/api/v1/city/progress");
    public static readonly ApiRoute ListCityPlans = new("GET", "/api/v1/city/plans");

    public static readonly ApiRoute RegisterInstitution = new("POST", "/api/v1/institutions");
    public static readonly ApiRoute ListInstitutions = new("GET", "/api/v1/institutions");
    public static readonly ApiRoute GetInstitution = new("GET", "/api/v1/institutions/{id}");
    public static readonly ApiRoute IssueKey = new("POST", "/api/v1/institutions/{id}/keys");
    public static readonly ApiRoute RevokeKey = new("DELETE", "/api/v1/keys/{keyId}");

    public static readonly ApiRoute ReportActivity = new("POST", "/api/v1/activities");
    public static readonly ApiRoute ReportActivities = new("POST", "/api/v1/activities/batch");
    public static readonly ApiRoute ImportActivities = new("POST", "/api/v1/activities/import");
    public static readonly ApiRoute GetImportTemplate = new("GET", "/api/v1/activities/import/template");
    public static readonly ApiRoute ListActivities = new("GET", "/api/v1/activities");
    public static readonly ApiRoute GetActivity = new("GET", "/api/v1/activities/{id}");
    public static readonly ApiRoute GetActivityHistory = new("GET", "/api/v1/activities/{id}/history");
    public static readonly ApiRoute RecordAttendance = new("POST", "/api/v1/activities/{id}/attendance");
    public static readonly ApiRoute AttachEvidence = new("POST", "/api/v1/activities/{id}/evidence");
    public static readonly ApiRoute CorrectActivity = new("POST", "/api/v1/activities/{id}/corrections");
    public static readonly ApiRoute RetractActivity = new("POST", "/api/v1/activities/{id}/retraction");
    public static readonly ApiRoute VerifyActivity = new("POST", "/api/v1/activities/{id}/verification");
    public static readonly ApiRoute ListVerifications = new("GET", "/api/v1/verifications");
    public static readonly ApiRoute ListDuplicates = new("GET", "/api/v1/activities/duplicates");

    public static readonly ApiRoute RecordDesignation = new("POST", "/api/v1/designations");
    public static readonly ApiRoute ListDesignations = new("GET", "/api/v1/designations");
    public static readonly ApiRoute GetDesignation = new("GET", "/api/v1/designations/{id}");
    public static readonly ApiRoute RevokeDesignation = new("POST", "/api/v1/designations/{id}/revocation");
    public static readonly ApiRoute VerifyDesignation = new("POST", "/api/v1/designations/{id}/verification");

    public static readonly ApiRoute RegisterVolunteer = new("POST", "/api/v1/volunteers");
    public static readonly ApiRoute ListVolunteers = new("GET", "/api/v1/volunteers");
    public static readonly ApiRoute DeregisterVolunteer = new("POST", "/api/v1/volunteers/{personKey}/deregistration");
    public static readonly ApiRoute VerifyVolunteer = new("POST", "/api/v1/volunteers/{personKey}/verification");

    public static readonly ApiRoute ExportPerson = new("GET", "/api/v1/persons/{personId}/export");
    public static readonly ApiRoute ErasePerson = new("POST", "/api/v1/persons/{personId}/erasure");
    public static readonly ApiRoute GetRetentionReport = new("GET", "/api/v1/persons/retention");
    public static readonly ApiRoute RunRetention = new("POST", "/api/v1/persons/retention");

    public static readonly ApiRoute RecordObservation = new("POST", "/api/v1/indicators/{targetCode}/observations");
    public static readonly ApiRoute GetObservations = new("GET", "/api/v1/indicators/{targetCode}/observations");
    public static readonly ApiRoute VerifyObservation = new("POST", "/api/v1/indicators/{targetCode}/observations/{number}/verification");
    public static readonly ApiRoute WithdrawObservation = new("POST", "/api/v1/indicators/{targetCode}/observations/{number}/withdrawal");

    public static readonly ApiRoute GetProgress = new("GET", "/api/v1/progress");
    public static readonly ApiRoute GetTargetProgress = new("GET", "/api/v1/progress/targets/{code}");
    public static readonly ApiRoute ListMeasureProgress = new("GET", "/api/v1/progress/measures");
    public static readonly ApiRoute GetMeasureProgress = new("GET", "/api/v1/progress/measures/{code}");
    public static readonly ApiRoute GetUnitProgress = new("GET", "/api/v1/progress/units");
    public static readonly ApiRoute ListSchools = new("GET", "/api/v1/schools");

    public static readonly ApiRoute ListClosedYears = new("GET", "/api/v1/reviews");
    public static readonly ApiRoute GetYearReview = new("GET", "/api/v1/reviews/{year}");
    public static readonly ApiRoute GetPlanReview = new("GET", "/api/v1/reviews/plan");
    public static readonly ApiRoute CloseYear = new("POST", "/api/v1/reviews/{year}/close");
    public static readonly ApiRoute ReopenYear = new("POST", "/api/v1/reviews/{year}/reopening");
    public static readonly ApiRoute SubmitUnitYear = new("POST", "/api/v1/reviews/{year}/units/{unitCode}/submission");
    public static readonly ApiRoute AcceptUnitYear = new("POST", "/api/v1/reviews/{year}/units/{unitCode}/acceptance");
    public static readonly ApiRoute ReturnUnitYear = new("POST", "/api/v1/reviews/{year}/units/{unitCode}/return");
    public static readonly ApiRoute GetYearSignoff = new("GET", "/api/v1/reviews/{year}/signoff");
    public static readonly ApiRoute GrantYearException = new("POST", "/api/v1/reviews/{year}/exceptions");
    public static readonly ApiRoute GetYearSeal = new("GET", "/api/v1/reviews/{year}/seal");
    public static readonly ApiRoute VerifyYearSeal = new("POST", "/api/v1/reviews/{year}/seal/verification");
    public static readonly ApiRoute GetYearCompleteness = new("GET", "/api/v1/reviews/{year}/completeness");
    public static readonly ApiRoute GetYearStatistics = new("GET", "/api/v1/reviews/{year}/statistics");

    public static readonly ApiRoute RebuildProjection = new("POST", "/api/v1/admin/projections/rebuild");
    public static readonly ApiRoute VerifyProjections = new("POST", "/api/v1/admin/projections/verify");
    public static readonly ApiRoute GetProjections = new("GET", "/api/v1/admin/projections");
    public static readonly ApiRoute GetProjectionOperation = new("GET", "/api/v1/admin/projections/operations/{id}");

    /// <summary>The whole table.</summary>
    public static IReadOnlyList<ApiRoute> All { get; } = typeof(ApiRoutes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ApiRoute))
        .Select(f => (ApiRoute)f.GetValue(null)!)
        .ToList();
}
