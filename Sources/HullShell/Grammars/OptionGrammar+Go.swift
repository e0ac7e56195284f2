extension OptionGrammar {
    /// Build flags shared by `go build`, `install`, `run`, `test`, `get`, `list`, `vet`
    /// (`go help build`).
    static let goBuildFlags: [OptionSpec] = [
        .value("-C"),
        .flag("-a"),
        .flag("-n"),
        .value("-p"),
        .flag("-race"),
        .flag("-msan"),
        .flag("-asan"),
        .flag("-cover"),
        .value("-covermode"),
        .value("-coverpkg"),
        .flag("-v"),
        .flag("-work"),
        .flag("-x"),
        .value("-asmflags"),
        .value("-buildmode"),
        .optionalValue("-buildvcs"),
        .value("-compiler"),
        .value("-gccgoflags"),
        .value("-gcflags"),
        .value("-installsuffix"),
        .value("-ldflags"),
        .flag("-linkshared"),
        .value("-mod"),
        .flag("-modcacherw"),
        .value("-modfile"),
        .value("-overlay"),
        .value("-pgo"),
        .value("-pkgdir"),
        .value("-tags"),
        .flag("-trimpath"),
        .value("-toolexec"),
        .value("-o"),
        .flag("-json"),
    ]

    /// `go`: the Go toolchain. Flags use a single dash (`-ldflags`); `-name=value` and
    /// `-name value` both work for flags that take a value.
    public static let go = OptionGrammar(
        name: "go",
        options: [],
        subcommands: [
            SubcommandSpec("build", options: goBuildFlags, takesPackages: true),
            SubcommandSpec("install", options: goBuildFlags, takesPackages: true),
            SubcommandSpec("run", options: goBuildFlags + [.value("-exec")]),
            SubcommandSpec("test", options: goBuildFlags + [
                .flag("-c"), .value("-exec"), .flag("-i"), .value("-run"), .value("-bench"), .value("-count"), .value("-timeout"),
                .value("-cpu"), .value("-parallel"), .value("-coverprofile"), .flag("-short"), .flag("-failfast"), .value("-skip"),
            ]),
            SubcommandSpec("get", options: goBuildFlags + [.flag("-d"), .flag("-f"), .flag("-t"), .flag("-u"), .flag("-insecure"), .flag("-fix")], takesPackages: true),
            SubcommandSpec("mod", subcommands: [
                SubcommandSpec("download", options: [.flag("-x"), .flag("-json"), .optionalValue("-reuse")], takesPackages: true),
                SubcommandSpec("tidy", options: [.flag("-v"), .flag("-e"), .value("-go"), .value("-compat"), .flag("-x"), .flag("-diff")]),
                SubcommandSpec("vendor", options: [.flag("-v"), .flag("-e"), .value("-o")]),
                SubcommandSpec("init"), SubcommandSpec("edit"), SubcommandSpec("graph"), SubcommandSpec("verify"), SubcommandSpec("why"),
            ]),
            SubcommandSpec("work", subcommands: [SubcommandSpec("init"), SubcommandSpec("use"), SubcommandSpec("sync"), SubcommandSpec("edit"), SubcommandSpec("vendor")]),
            SubcommandSpec("env", options: [.flag("-json"), .flag("-u"), .flag("-w"), .flag("-changed")]),
            SubcommandSpec("list", options: goBuildFlags + [.value("-f"), .flag("-e"), .flag("-m"), .flag("-u"), .flag("-deps"), .flag("-test"), .flag("-export"), .flag("-find"), .flag("-compiled"), .flag("-versions"), .flag("-retracted"), .value("-reuse")]),
            SubcommandSpec("vet", options: goBuildFlags),
            SubcommandSpec("fmt", options: [.flag("-n"), .flag("-x"), .value("-mod")]),
            SubcommandSpec("generate", options: [.value("-run"), .value("-skip"), .flag("-n"), .flag("-v"), .flag("-x")]),
            SubcommandSpec("clean", options: [.flag("-i"), .flag("-n"), .flag("-r"), .flag("-x"), .flag("-cache"), .flag("-testcache"), .flag("-modcache"), .flag("-fuzzcache")]),
            SubcommandSpec("version", options: [.flag("-m"), .flag("-v"), .flag("-json")]),
            SubcommandSpec("tool"), SubcommandSpec("fix"), SubcommandSpec("doc"), SubcommandSpec("bug"), SubcommandSpec("help"), SubcommandSpec("telemetry"),
        ],
        optionStyle: .singleDashLong,
        packageSyntax: .go)
}
