import HullCore

extension ShellParser {
    /// Reads the bodies of the pending here-documents, which start at `position` (just after
    /// a newline), one after another in the order their operators appeared.
    func readHereDocumentBodies() {
        let pending = pendingHereDocuments
        pendingHereDocuments.removeAll()
        for document in pending {
            let delimiter = Array(document.delimiter.utf8)
            let bodyStart = position
            var lineStart = position
            var bodyEnd = limit
            var next = limit
            var terminated = false
            while lineStart < limit {
                var lineEnd = lineStart
                while lineEnd < limit, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                var contentStart = lineStart
                if document.stripsTabs {
                    while contentStart < lineEnd, bytes[contentStart] == UInt8(ascii: "\t") { contentStart += 1 }
                }
                var contentEnd = lineEnd
                if contentEnd > contentStart, bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
                if bytes[contentStart..<contentEnd].elementsEqual(delimiter) {
                    bodyEnd = lineStart
                    next = Swift.min(lineEnd + 1, limit)
                    terminated = true
                    break
                }
                lineStart = lineEnd + 1
            }
            if !terminated, !aborted {
                error(.unterminatedHereDocument, "here-document is never closed by a `\(document.delimiter)` line", document.operatorRange)
            }
            var parts: [WordPart] = []
            if !document.isQuoted, bodyStart < bodyEnd {
                let savedLimit = limit
                position = bodyStart
                limit = bodyEnd
                parts = scanParts(context: .hereDocument, wordStart: bodyStart)
                limit = savedLimit
            }
            position = next
            let range = bodyStart..<bodyEnd
            hereDocuments[document.index] = HereDocument(
                delimiter: document.delimiter, isDelimiterQuoted: document.isQuoted, stripsTabs: document.stripsTabs,
                bodyRange: range, body: source.text(range), parts: parts, isTerminated: terminated, source: source)
        }
    }
}
