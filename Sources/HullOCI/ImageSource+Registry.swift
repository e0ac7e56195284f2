import HullCore

extension ImageSource {
    /// Opens `reference` in its registry: the manifest (or index, with `platform` choosing
    /// among its images), the config and the layers' descriptors are fetched and checked
    /// against their digests now; each layer is streamed when it is read.
    public static func open(reference: ImageReference, platform: Platform? = nil, options: RegistryClient.Options = .init()) throws(HullOCIError) -> ImageSource {
        let client = RegistryClient(reference: reference, options: options)
        let top = try client.manifest(reference.digest ?? reference.tag ?? "latest")
        let name = reference.canonicalString
        do {
            let store = try RegistryStore(client: client, top: top, name: name)
            return try openLayout(path: name, store: store, format: .registry, platform: platform)
        } catch let error as HullOCIError {
            throw error
        } catch {
            throw .registry(reference: reference.familiarString, message: String(describing: error))
        }
    }
}
