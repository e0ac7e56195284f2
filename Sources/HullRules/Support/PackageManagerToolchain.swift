/// OS packages that only building software needs: compilers, build systems, headers.
enum PackageManagerToolchain {
    /// Toolchain packages by exact name, across Debian, Alpine and RPM distributions.
    static let names: Set<String> = [
        "build-essential", "build-base", "alpine-sdk", "gcc", "g++", "gcc-c++", "clang", "llvm", "lld", "make", "cmake",
        "autoconf", "automake", "libtool", "pkg-config", "pkgconf", "pkgconfig", "meson", "ninja-build", "ninja", "ccache",
        "nasm", "yasm", "bison", "flex", "swig", "gfortran", "golang", "golang-go", "go", "rustc", "cargo", "rust",
        "maven", "gradle", "musl-dev", "libc-dev", "libc6-dev", "linux-headers", "kernel-headers", "glibc-devel",
    ]

    /// Whether a package name is a toolchain: a listed name, a versioned compiler (`gcc-12`,
    /// `clang-17`, `golang-1.22`) or a headers package (`*-dev`, `*-devel`).
    static func isToolchain(_ name: String) -> Bool {
        let lower = name.lowercased()
        if names.contains(lower) || lower.hasSuffix("-dev") || lower.hasSuffix("-devel") { return true }
        for compiler in ["gcc-", "g++-", "clang-", "golang-"] where lower.hasPrefix(compiler) {
            var version = lower.dropFirst(compiler.count)
            if compiler == "golang-", version.hasSuffix("-go") { version = version.dropLast(3) }
            if !version.isEmpty, version.allSatisfy({ $0.isNumber || $0 == "." }) { return true }
        }
        return false
    }
}
