using System.Collections.Immutable;
using System.Globalization;
using Pulumi;
using SecureCart.Platform.Infra.Data;
using SecureCart.Platform.Plan.Data;

namespace SecureCart.Platform.Infra.Compute;

/// <summary>
/// The database variables of a PostgreSQL client's task: a writer endpoint (the proxy) and a reader endpoint (the
/// replicas when the plan routes its read paths there, else the proxy), the users to ask IAM tokens for, the pool size,
/// and the partner region's standby for reading evacuated orders. Services that reach no PostgreSQL get none.
/// </summary>
internal static class DatabaseEnvironment
{
    public const string Writer = "SECURECART_POSTGRES_WRITER";
    public const string Reader = "SECURECART_POSTGRES_READER";
    public const string PartnerReader = "SECURECART_POSTGRES_PARTNER_READER";

    public static Output<ImmutableArray<KeyValuePair<string, string>>> For(string service, DatabaseEndpoints? database, ImmutableArray<DatabaseClientPlan> clients)
    {
        DatabaseClientPlan? client = clients.IsDefaultOrEmpty ? null : clients.FirstOrDefault(c => c.Service == service);
        if (database is null || client is null)
        {
            return Output.Create(ImmutableArray<KeyValuePair<string, string>>.Empty);
        }

        Output<string> partner = database.PartnerReader?.Apply(p => p ?? "") ?? Output.Create("");
        return Output.Tuple(database.Writer, client.ReadsFromReplicas ? database.Readers : database.Writer, partner).Apply(t =>
        {
            var variables = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
            void Add(string name, string value) => variables.Add(KeyValuePair.Create(name, value));
            Add(Writer, t.Item1);
            Add(Reader, t.Item2);
            Add("SECURECART_POSTGRES_PORT", database.Port.ToString(CultureInfo.InvariantCulture));
            Add("SECURECART_POSTGRES_DATABASE", database.Database);
            Add("SECURECART_POSTGRES_WRITER_USER", database.WriterUser);
            Add("SECURECART_POSTGRES_READER_USER", client.ReadsFromReplicas ? database.ReaderUser : database.WriterUser);
            Add("SECURECART_POSTGRES_POOL_SIZE", client.PoolSize.ToString(CultureInfo.InvariantCulture));
            Add("SECURECART_POSTGRES_AUTH", "iam");
            if (t.Item3.Length > 0)
            {
                Add(PartnerReader, t.Item3);
            }

            return variables.ToImmutable();
        });
    }
}
