namespace Gulou.Events.UnitTests.Deployment;

/// <summary>The deploy files agree with the service (settings it reads, ports, probe paths) and with each other.</summary>
public sealed class DeployFilesTests
{
    private static readonly Node Compose = DeployFiles.Yaml("compose.yaml");
    private static readonly Node ConfigMap = DeployFiles.Yaml("k8s", "configmap.yaml");
    private static readonly Node Deployment = DeployFiles.Yaml("k8s", "deployment.yaml");
    private static readonly Node Job = DeployFiles.Yaml("k8s", "migrate-job.yaml");
    private static readonly Dictionary<string, string> ImageEnvironment = DeployFiles.DockerfileEnvironment();

    private static IEnumerable<Node> Pods => [Deployment["spec"]["template"]["spec"], Job["spec"]["template"]["spec"]];

    private static IEnumerable<Node> Containers => Pods.SelectMany(p => p["containers"].Items.Concat(p.Has("initContainers") ? p["initContainers"].Items : Enumerable.Empty<Node>()));

    private static IEnumerable<Node> ApiNodes => new[] { "migrate", "api-1", "api-2" }.Select(s => Compose["services"][s]);

    [Fact]
    public void Every_setting_the_deploy_files_give_is_one_the_service_reads()
    {
        var given = ImageEnvironment.Keys
            .Concat(ApiNodes.SelectMany(s => s["environment"].Entries.Select(e => e.Key)))
            .Concat(ApiNodes.SelectMany(s => s["secrets"].Items.Select(i => i["target"].Text)))
            .Concat(ConfigMap["data"].Entries.Select(e => e.Key))
            .Concat(Containers.SelectMany(c => c.Has("env") ? c["env"].Items.Select(e => e["name"].Text) : []))
            .Distinct().ToList();

        Assert.Contains("ConnectionStrings__Gulou", given);
        var unknown = given.Where(v => !DeployFiles.IsRead(v)).ToList();
        Assert.True(unknown.Count == 0, $"The service reads no setting named {string.Join(", ", unknown)}.");
    }

    [Fact]
    public void The_ports_and_probe_paths_are_the_services()
    {
        Assert.Contains("\"/health/live\"", DeployFiles.ServiceSource, StringComparison.Ordinal);
        Assert.Contains("\"/health/ready\"", DeployFiles.ServiceSource, StringComparison.Ordinal);
        Assert.Equal("http://+:8080", ImageEnvironment["GULOU_URLS"]);
        var dockerfile = DeployFiles.Text("Dockerfile");
        Assert.Contains("EXPOSE 8080", dockerfile, StringComparison.Ordinal);
        Assert.Contains("\"http://127.0.0.1:8080/health/live\"", dockerfile, StringComparison.Ordinal);

        var api = Deployment["spec"]["template"]["spec"]["containers"][0];
        Assert.Equal(("http", "8080"), (api["ports"][0]["name"].Text, api["ports"][0]["containerPort"].Text));
        Assert.Equal("/health/live", api["startupProbe"]["httpGet"]["path"].Text);
        Assert.Equal("/health/live", api["livenessProbe"]["httpGet"]["path"].Text);
        Assert.Equal("/health/ready", api["readinessProbe"]["httpGet"]["path"].Text);
        Assert.Equal("http", DeployFiles.Yaml("k8s", "service.yaml")["spec"]["ports"][0]["targetPort"].Text);
        Assert.Contains("server api-1:8080", DeployFiles.Text("nginx.conf"), StringComparison.Ordinal);
        Assert.Contains("server api-2:8080", DeployFiles.Text("nginx.conf"), StringComparison.Ordinal);
    }

    [Fact]
    public void Nodes_never_migrate_the_schema_and_a_separate_step_runs_db_apply()
    {
        Assert.Equal("false", ImageEnvironment["Gulou__AutoCreateSchema"]);
        Assert.Equal("false", ConfigMap["data"]["Gulou__AutoCreateSchema"].Text);
        Assert.All(ApiNodes, s => Assert.Equal("false", s["environment"]["Gulou__AutoCreateSchema"].Text));
        Assert.Equal("db-apply", Compose["services"]["migrate"]["command"][0].Text);
        Assert.Equal("db-apply", Job["spec"]["template"]["spec"]["containers"][0]["args"][0].Text);
        Assert.Contains("db-assert", Deployment["spec"]["template"]["spec"]["initContainers"][0]["command"][2].Text, StringComparison.Ordinal);
        foreach (var node in new[] { "api-1", "api-2" })
        {
            Assert.Equal("service_completed_successfully", Compose["services"][node]["depends_on"]["migrate"]["condition"].Text);
            Assert.Equal("HotCold", Compose["services"][node]["environment"]["Gulou__Daemon"].Text);
        }

        Assert.Equal("HotCold", ConfigMap["data"]["Gulou__Daemon"].Text);
        Assert.True(int.Parse(Deployment["spec"]["replicas"].Text, System.Globalization.CultureInfo.InvariantCulture) >= 2);
        Assert.True(int.Parse(DeployFiles.Yaml("k8s", "hpa.yaml")["spec"]["minReplicas"].Text, System.Globalization.CultureInfo.InvariantCulture) >= 2);
    }

    [Fact]
    public void Containers_run_unprivileged_on_a_read_only_file_system_with_a_writable_tmp()
    {
        Assert.Contains("USER $APP_UID", DeployFiles.Text("Dockerfile"), StringComparison.Ordinal);
        Assert.All(Pods, p => Assert.Equal("true", p["securityContext"]["runAsNonRoot"].Text));
        Assert.All(Containers, c =>
        {
            Assert.Equal("true", c["securityContext"]["readOnlyRootFilesystem"].Text);
            Assert.Equal("false", c["securityContext"]["allowPrivilegeEscalation"].Text);
            Assert.Contains(c["volumeMounts"].Items, m => m["mountPath"].Text == "/tmp");
        });
        Assert.All(Pods, p => Assert.Contains(p["volumes"].Items, v => v["name"].Text == "tmp" && v.Has("emptyDir")));
        Assert.All(ApiNodes, s =>
        {
            Assert.Equal("true", s["read_only"].Text);
            Assert.Equal("/tmp", s["tmpfs"][0].Text);
        });
    }

    [Fact]
    public void The_kubernetes_objects_refer_to_each_other_and_name_no_namespace()
    {
        var podLabels = Deployment["spec"]["template"]["metadata"]["labels"].Entries.ToDictionary(e => e.Key, e => e.Value.Text);
        var selectors = new[]
        {
            DeployFiles.Yaml("k8s", "service.yaml")["spec"]["selector"],
            DeployFiles.Yaml("k8s", "pdb.yaml")["spec"]["selector"]["matchLabels"],
            Deployment["spec"]["selector"]["matchLabels"],
        };
        Assert.All(selectors, s => Assert.All(s.Entries, e => Assert.Equal(e.Value.Text, podLabels.GetValueOrDefault(e.Key))));
        Assert.Equal(Deployment["metadata"]["name"].Text, DeployFiles.Yaml("k8s", "hpa.yaml")["spec"]["scaleTargetRef"]["name"].Text);

        var configMap = ConfigMap["metadata"]["name"].Text;
        Assert.All(Containers, c => Assert.Equal(configMap, c["envFrom"][0]["configMapRef"]["name"].Text));
        var secrets = Containers.SelectMany(c => c["env"].Items).Select(e => e["valueFrom"]["secretKeyRef"]["name"].Text).Distinct();
        Assert.Equal(["gulou-events"], secrets);

        var manifests = DeployFiles.KubernetesFiles().Where(f => f != "kustomization.yaml").ToList();
        Assert.Equal(manifests, DeployFiles.Yaml("k8s", "kustomization.yaml")["resources"].Items.Select(r => r.Text).Order());
        Assert.All(manifests, f => Assert.False(DeployFiles.Yaml("k8s", f)["metadata"].Has("namespace"), $"{f} names a namespace"));
    }

    [Fact]
    public void Every_compose_secret_is_declared_and_written_by_make_secrets()
    {
        var declared = Compose["secrets"].Entries.ToDictionary(e => e.Key, e => e.Value["file"].Text);
        var used = Compose["services"].Entries.SelectMany(s => s.Value.Has("secrets") ? s.Value["secrets"].Items : [])
            .Select(i => i.Has("source") ? i["source"].Text : i.Text);
        var script = DeployFiles.Text("make-secrets.sh");

        Assert.All(used, s => Assert.Contains(s, declared.Keys));
        Assert.All(declared, d =>
        {
            Assert.Equal($"./secrets/{d.Key}", d.Value);
            Assert.Contains($"write {d.Key} ", script, StringComparison.Ordinal);
        });
        Assert.Contains("secrets/", DeployFiles.Text(".gitignore"), StringComparison.Ordinal);
    }
}
