import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Blocking HTTP over URLSession for the registry client: bodies are collected up to a limit
/// (the transfer is cancelled beyond it) and redirects are returned, not followed, so that the
/// client decides which headers travel to the next host.
final class RegistryTransport: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        /// The body was cut at the limit.
        var truncated: Bool

        func header(_ name: String) -> String? { headers[name.lowercased()] }
    }

    private final class Pending {
        var response: HTTPURLResponse?
        var body: [UInt8] = []
        var limit: Int
        var truncated = false
        /// The task was cancelled at a 401 challenge; `response` is the challenge's response.
        var challenged = false
        var error: Error?
        let done = DispatchSemaphore(value: 0)
        init(limit: Int) { self.limit = limit }
    }

    private let lock = NSLock()
    private var pending: [Int: Pending] = [:]
    private var session: URLSession!
    private let deadline: TimeInterval

    init(requestTimeout: TimeInterval, resourceTimeout: TimeInterval) {
        deadline = resourceTimeout + 30
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = requestTimeout
        configuration.timeoutIntervalForResource = resourceTimeout
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: queue)
    }

    func invalidate() { session.finishTasksAndInvalidate() }

    /// Sends `request` and waits for the answer; the body keeps at most `limit` bytes.
    func send(_ request: URLRequest, limit: Int) throws -> Response {
        let state = Pending(limit: limit)
        let task = session.dataTask(with: request)
        lock.withLock { pending[task.taskIdentifier] = state }
        task.resume()
        // A guard against a transfer that never completes, beyond the session's own timeouts.
        if state.done.wait(timeout: .now() + deadline) == .timedOut {
            task.cancel()
            lock.withLock { pending[task.taskIdentifier] = nil }
            throw URLError(.timedOut)
        }
        lock.withLock { pending[task.taskIdentifier] = nil }
        if let error = state.error, !state.truncated, !state.challenged { throw error }
        guard let http = state.response else { throw URLError(.badServerResponse) }
        var headers: [String: String] = [:]
        for (key, value) in http.allHeaderFields {
            if let key = key as? String, let value = value as? String { headers[key.lowercased()] = value }
        }
        return Response(status: http.statusCode, headers: headers, body: state.body, truncated: state.truncated)
    }

    private func state(_ task: URLSessionTask) -> Pending? { lock.withLock { pending[task.taskIdentifier] } }

    // MARK: - URLSessionDataDelegate

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        state(dataTask)?.response = response as? HTTPURLResponse
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard let state = state(dataTask) else { return }
        if state.body.count + data.count > state.limit {
            state.truncated = true
            dataTask.cancel()
            return
        }
        state.body.append(contentsOf: data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    // FoundationNetworking answers a 401 challenge through this method and, left to its default
    // handling without stored credentials, never finishes the task; the client answers
    // challenges itself, so the task is cancelled there and the 401 response is handed back.
    func urlSession(_ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
                    completionHandler: @escaping (URLSession.AuthChallengeDisposition, URLCredential?) -> Void) {
        if let state = state(task) {
            state.response = challenge.failureResponse as? HTTPURLResponse ?? state.response
            state.challenged = state.response != nil
        }
        completionHandler(.cancelAuthenticationChallenge, nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        guard let state = state(task) else { return }
        if state.response == nil, let http = task.response as? HTTPURLResponse { state.response = http }
        state.error = error
        state.done.signal()
    }
}
