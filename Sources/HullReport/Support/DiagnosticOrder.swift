import HullCore

/// The canonical order of diagnostics: by position, then code, then message.
///
/// Positions compare within one kind of location: file ranges by path, start and end;
/// context paths by path; image layers by image, layer and path. Kinds come in the order
/// file, context path, image layer, image. Strings compare by their UTF-8 bytes, which is
/// the same on every platform.
enum DiagnosticOrder {
    static func precedes(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        let order = compare(lhs.location, rhs.location)
        if order != 0 { return order < 0 }
        if lhs.code != rhs.code { return lhs.code < rhs.code }
        return precedes(lhs.message, rhs.message)
    }

    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    private static func compare(_ lhs: String, _ rhs: String) -> Int {
        if lhs == rhs { return 0 }
        return precedes(lhs, rhs) ? -1 : 1
    }

    private static func compare(_ lhs: Int, _ rhs: Int) -> Int {
        lhs == rhs ? 0 : (lhs < rhs ? -1 : 1)
    }

    private static func rank(_ location: Location) -> Int {
        switch location {
        case .file: 0
        case .contextPath: 1
        case .imageLayer: 2
        case .image: 3
        }
    }

    private static func compare(_ lhs: Location, _ rhs: Location) -> Int {
        switch (lhs, rhs) {
        case let (.file(lpath, lrange), .file(rpath, rrange)):
            return firstNonZero(compare(lpath, rpath), compare(lrange.start, rrange.start), compare(lrange.end, rrange.end))
        case let (.contextPath(lroot, lpath), .contextPath(rroot, rpath)):
            return firstNonZero(compare(lroot, rroot), compare(lpath, rpath))
        case let (.imageLayer(limage, llayer, lpath), .imageLayer(rimage, rlayer, rpath)):
            return firstNonZero(compare(limage, rimage), compare(llayer, rlayer), compare(lpath, rpath))
        case let (.image(limage), .image(rimage)):
            return compare(limage, rimage)
        default:
            return compare(rank(lhs), rank(rhs))
        }
    }

    private static func firstNonZero(_ values: Int...) -> Int {
        values.first { $0 != 0 } ?? 0
    }
}
