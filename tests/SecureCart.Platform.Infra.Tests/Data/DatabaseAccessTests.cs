using System.Text.Json.Nodes;

namespace SecureCart.Platform.Infra.Tests.Data;

public sealed class DatabaseAccessTests
{
    [Fact]
    public async Task Stack_Proxy_IamAuthTheMasterSecretAndThePlannedPool()
    {
        var plan = Plans.For("prod-us");
        var proxyPlan = plan.Data.Proxy!;

        var run = await StackRun.RunAsync("prod-us");

        var proxy = run.Single("aws:rds/proxy:Proxy", "postgres-proxy").Inputs;
        Assert.Equal(proxyPlan.Name, proxy["name"]);
        Assert.Equal("POSTGRESQL", proxy["engineFamily"]);
        Assert.Equal(true, proxy["requireTls"]);
        var auth = Assert.Single(((IEnumerable<object>)proxy["auths"]).Cast<IDictionary<string, object>>());
        Assert.Equal(("SECRETS", "REQUIRED"), ((string)auth["authScheme"], (string)auth["iamAuth"]));
        Assert.Equal("arn:aws:mock:::aws:secretsmanager/secret:Secret/postgres-master", auth["secretArn"]);
        Assert.Equal(["data-sg-id", "postgres-proxy-data-client-sg-id"], ((IEnumerable<object>)proxy["vpcSecurityGroupIds"]).Cast<string>());
        var pool = (IDictionary<string, object>)run.Single("aws:rds/proxyDefaultTargetGroup:ProxyDefaultTargetGroup", "postgres-proxy-pool").Inputs["connectionPoolConfig"];
        Assert.Equal((double)proxyPlan.MaxConnectionsPercent, Convert.ToDouble(pool["maxConnectionsPercent"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((double)proxyPlan.MaxIdleConnectionsPercent, Convert.ToDouble(pool["maxIdleConnectionsPercent"], System.Globalization.CultureInfo.InvariantCulture));
        var target = run.Single("aws:rds/proxyTarget:ProxyTarget", "postgres-proxy-target").Inputs;
        Assert.Equal((plan.Data.Rds.Identifier, "default"), ((string)target["dbInstanceIdentifier"], (string)target["targetGroupName"]));
        // The proxy reads the master secret and nothing else.
        var secretPolicy = JsonNode.Parse((string)run.Single("aws:iam/rolePolicy:RolePolicy", "postgres-proxy-secret").Inputs["policy"])!;
        Assert.Equal("arn:aws:mock:::aws:secretsmanager/secret:Secret/postgres-master", (string)secretPolicy["Statement"]![0]!["Resource"]![0]!);
        Assert.Equal(true, run.Single("aws:rds/instance:Instance", "postgres").Inputs["iamDatabaseAuthenticationEnabled"]);
    }

    [Fact]
    public async Task Stack_TaskDefinitions_ReadersGetTheReplicasWritersOnlyTheProxy()
    {
        var plan = Plans.For("prod-eu");
        var proxyEndpoint = $"{plan.Data.Proxy!.Name}.proxy-mock.rds.amazonaws.com";
        var replicas = string.Join(",", plan.Data.Rds.Replicas.Select(r => $"{r.Identifier}.mock.rds.amazonaws.com"));

        var run = await StackRun.RunAsync("prod-eu");

        var orders = Environment(run, "orders");
        Assert.Equal(proxyEndpoint, orders["SECURECART_POSTGRES_WRITER"]);
        Assert.Equal(replicas, orders["SECURECART_POSTGRES_READER"]);
        Assert.Equal("securecart_reader", orders["SECURECART_POSTGRES_READER_USER"]);
        Assert.Equal($"{plan.Data.Standby!.Identifier}.mock.rds.amazonaws.com", orders["SECURECART_POSTGRES_PARTNER_READER"]);
        var payments = Environment(run, "payments");
        Assert.Equal(proxyEndpoint, payments["SECURECART_POSTGRES_READER"]);
        Assert.Equal(plan.Data.Rds.MasterUsername, payments["SECURECART_POSTGRES_READER_USER"]);
        Assert.DoesNotContain("SECURECART_POSTGRES_WRITER", Environment(run, "catalog").Keys);

        var connect = JsonNode.Parse((string)run.Single("aws:iam/rolePolicy:RolePolicy", "orders-task-database").Inputs["policy"])!["Statement"]![0]!;
        Assert.Equal("rds-db:connect", (string)connect["Action"]![0]!);
        Assert.Equal(
            ["arn:aws:rds-db:us-east-1:123456789012:dbuser:prx-postgres-proxy/securecart_admin", .. plan.Data.Rds.Replicas.Select(r => $"arn:aws:rds-db:us-east-1:123456789012:dbuser:db-{r.LogicalName.ToUpperInvariant()}/securecart_reader")],
            connect["Resource"]!.AsArray().Select(r => (string)r!));
        Assert.DoesNotContain(run.OfType("aws:iam/rolePolicy:RolePolicy"), p => p.Name == "catalog-task-database");
    }

    [Fact]
    public async Task Stack_Standby_ReplicatesThePartnersPrimaryAndItsBackupsWithThisRegionsKey()
    {
        var plan = Plans.For("prod-eu");

        var run = await StackRun.RunAsync("prod-eu");

        var standby = run.Single("aws:rds/instance:Instance", "postgres-standby").Inputs;
        Assert.Equal("arn:aws:rds:us-east-1:123456789012:db:securecart-prod-us-postgres", standby["replicateSourceDb"]);
        Assert.Equal(plan.Data.Standby!.Identifier, standby["identifier"]);
        Assert.Equal("arn:aws:mock:::aws:kms/key:Key/postgres-key", standby["kmsKeyId"]);
        Assert.Equal("securecart-prod-eu-postgres-subnets", standby["dbSubnetGroupName"]);
        var backups = run.Single("aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication", "postgres-backup-replication").Inputs;
        Assert.Equal(standby["replicateSourceDb"], backups["sourceDbInstanceArn"]);
        Assert.Equal(standby["kmsKeyId"], backups["kmsKeyId"]);
        Assert.Equal((double)plan.Data.Standby.BackupRetentionDays, Convert.ToDouble(backups["retentionPeriod"], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Dictionary<string, string> Environment(StackRun run, string service)
    {
        var containers = JsonNode.Parse((string)run.Single("aws:ecs/taskDefinition:TaskDefinition", $"{service}-task").Inputs["containerDefinitions"])!.AsArray();
        return containers.Single(c => (string)c!["name"]! == service)!["environment"]!.AsArray()
            .ToDictionary(e => (string)e!["name"]!, e => (string)e!["value"]!, StringComparer.Ordinal);
    }
}
