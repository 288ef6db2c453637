using Gulou.Events.Api.Institutions;
using Gulou.Events.Api.Institutions.IssuingKeys;
using Gulou.Events.Api.Institutions.Registering;
using Gulou.Events.Api.Institutions.RevokingKeys;
using Gulou.Events.Api.Infrastructure.Security;
using Gulou.Events.Contracts;
using Gulou.Events.Contracts.Institutions;

namespace Gulou.Events.UnitTests.Institutions;

public sealed class InstitutionDecisionTests
{
    [Fact]
    public void A_unit_named_by_its_code_leads_the_measures_the_plan_gives_it()
    {
        var registered = RegisterInstitutionEndpoint.Decide(new RegisterInstitution(" 鼓楼区总工会 ", InstitutionKind.Government, Role.Unit, "UNION"), Guid.NewGuid(), TestPlan.Shipped);

        Assert.Equal("鼓楼区总工会", registered.Name);
        Assert.Equal(["ACT-05", "ACT-06", "ACT-07", "ACT-08"], registered.LeadsMeasures);
    }

    [Fact]
    public void Listed_measures_override_the_plans()
    {
        var registered = RegisterInstitutionEndpoint.Decide(
            new RegisterInstitution("区科协科普部", InstitutionKind.Government, Role.Unit, "CAST", ["PRJ-09", "PRJ-08", "PRJ-09"]), Guid.NewGuid(), TestPlan.Shipped);

        Assert.Equal(["PRJ-08", "PRJ-09"], registered.LeadsMeasures);
    }

    [Fact]
    public void The_validator_refuses_measures_for_partners_and_unknown_units()
    {
        var validator = new RegisterInstitutionValidator(TestPlan.Shipped);

        var result = validator.Validate(new RegisterInstitution("A", InstitutionKind.School, Role.Partner, "NOPE", ["ACT-01"]));

        Assert.Contains(result.Errors, e => e.PropertyName == "unitCode");
        Assert.Contains(result.Errors, e => e.PropertyName == "leadsMeasures");
        Assert.True(validator.Validate(new RegisterInstitution("A", InstitutionKind.School, Role.Partner)).IsValid);
    }

    [Fact]
    public void An_issued_key_records_the_role_and_only_the_hash()
    {
        var institution = new Institution { Id = Guid.NewGuid(), Role = Role.Auditor };
        var key = ApiKeys.Generate();

        var issued = IssueKeyEndpoint.Decide(institution, Guid.NewGuid(), key, "  audit laptop ");

        Assert.Equal(Role.Auditor, issued.Role);
        Assert.Equal(ApiKeys.Hash(key), issued.SecretHash);
        Assert.Equal("audit laptop", issued.Label);
        Assert.DoesNotContain(key, issued.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Revoking_twice_records_one_revocation()
    {
        var key = new ApiKeyRecord { Id = Guid.NewGuid(), InstitutionId = Guid.NewGuid() };

        Assert.NotNull(RevokeKeyEndpoint.Decide(key, "lost"));
        key.RevokedAt = DateTimeOffset.UtcNow;
        Assert.Null(RevokeKeyEndpoint.Decide(key, "lost"));
    }
}
