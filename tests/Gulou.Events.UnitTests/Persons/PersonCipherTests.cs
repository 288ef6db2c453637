using System.Security.Cryptography;
using Gulou.Events.Api.Infrastructure.Hosting;
using Gulou.Events.Api.Persons;

namespace Gulou.Events.UnitTests.Persons;

/// <summary>Envelope encryption of the person register: a data key per person, wrapped under the master key.</summary>
public sealed class PersonCipherTests
{
    private static readonly PersonFields Fields = new("林晓梅", "13800001111", new string('a', 64), null);

    private static PersonCipher Cipher(string master, params string[] previous) =>
        new(new GulouSettings { ConnectionString = "", PersonMasterKey = master, PreviousPersonMasterKeys = previous });

    [Fact]
    public void Fields_sealed_under_a_wrapped_data_key_read_back_only_for_their_district_and_person()
    {
        var cipher = Cipher("master-1");
        var person = Guid.NewGuid();
        var dataKey = PersonCipher.NewDataKey();
        var wrapped = cipher.Wrap("gulou", person, dataKey);
        var sealedFields = PersonCipher.Seal("gulou", person, dataKey, Fields);

        Assert.DoesNotContain("林晓梅", sealedFields, StringComparison.Ordinal);
        Assert.Equal(Fields, PersonCipher.Open("gulou", person, cipher.Unwrap("gulou", person, cipher.MasterKeyId, wrapped)!, sealedFields));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Unwrap("other", person, cipher.MasterKeyId, wrapped));
        Assert.ThrowsAny<CryptographicException>(() => PersonCipher.Open("gulou", Guid.NewGuid(), dataKey, sealedFields));
        Assert.ThrowsAny<CryptographicException>(() => PersonCipher.Open("gulou", person, PersonCipher.NewDataKey(), sealedFields));
    }

    [Fact]
    public void After_a_rotation_keys_wrapped_under_the_previous_master_key_are_still_read_and_an_unknown_one_is_not()
    {
        var before = Cipher("master-1");
        var person = Guid.NewGuid();
        var dataKey = PersonCipher.NewDataKey();
        var wrapped = before.Wrap("gulou", person, dataKey);

        var rotated = Cipher("master-2", "master-1");
        Assert.NotEqual(before.MasterKeyId, rotated.MasterKeyId);
        Assert.Equal(dataKey, rotated.Unwrap("gulou", person, before.MasterKeyId, wrapped));
        Assert.Null(Cipher("master-2").Unwrap("gulou", person, before.MasterKeyId, wrapped));
        Assert.False(new PersonCipher(new GulouSettings { ConnectionString = "" }).IsConfigured);
    }

    [Fact]
    public void A_later_registration_adds_fields_and_keeps_those_it_does_not_give()
    {
        Assert.Equal(Fields with { Contact = "福州" }, Fields.With(new PersonFields(null, "福州", null, null)));
    }
}
