/// A rule that judges a built image: its configuration, history and layers, as one streaming
/// pass of the image analyzer saw them.
public protocol ImageRule: Rule {
    /// Reports problems in `input` into `sink`.
    func check(_ input: AnalyzedImage, _ sink: inout ImageDiagnosticSink)
}
