import Foundation

/// A direct `Encoder` for the report wire types, writing the bytes Foundation's `JSONEncoder`
/// writes with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` — two-space indentation,
/// `"key" : value`, keys in `String` order, `[\n\n]` for an empty array — at a fraction of its
/// cost (a lint report of a few thousand files runs to tens of megabytes).
///
/// It knows strings, booleans, integers, nil, arrays and keyed values, which is all the wire
/// types hold. Anything else (floating point, `URL`, `Date`, `Data`, `Decimal`, super encoders),
/// which Foundation writes in its own ways, makes ``encode(_:)`` return nil so that the caller
/// can fall back to Foundation.
enum JSONTextEncoder {
    /// The pretty-printed text of `value` without the final newline, or nil when it holds a
    /// value this encoder leaves to Foundation.
    static func encode(_ value: some Encodable) -> [UInt8]? {
        let state = EncodingState()
        let root = Node()
        do {
            try value.encode(to: NodeEncoder(node: root, state: state, codingPath: []))
        } catch {
            return nil
        }
        guard !state.unsupported, root.kind != .empty else { return nil }
        var writer = Writer()
        writer.bytes.reserveCapacity(1 << 16)
        writer.write(root, depth: 0)
        return writer.bytes
    }

    /// Thrown (and recorded) for a value Foundation encodes in a special way.
    struct Unsupported: Error {}

    final class EncodingState {
        var unsupported = false
    }

    /// One JSON value under construction.
    final class Node {
        enum Kind { case empty, string, literal, array, object }
        var kind = Kind.empty
        /// The string (`string`) or the JSON text (`literal`: numbers, booleans, null).
        var text = ""
        var items: [Node] = []
        var entries: [(key: String, node: Node)] = []

        /// The node for `key`, kept in key order (the order they are written in).
        func child(forKey key: String) -> Node {
            if kind != .object { kind = .object }
            let node = Node()
            var index = entries.count
            while index > 0, key < entries[index - 1].key { index -= 1 }
            if index > 0, entries[index - 1].key == key {
                // A key encoded twice keeps its last value, as a dictionary would.
                entries[index - 1].node = node
            } else {
                entries.insert((key, node), at: index)
            }
            return node
        }

        func appendItem() -> Node {
            if kind != .array { kind = .array }
            let node = Node()
            items.append(node)
            return node
        }

        func set(string: String) { kind = .string; text = string }
        func set(literal: String) { kind = .literal; text = literal }
    }

    // MARK: - Encoder

    struct NodeEncoder: Encoder {
        let node: Node
        let state: EncodingState
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if node.kind != .object { node.kind = .object }
            return KeyedEncodingContainer(KeyedContainer<Key>(node: node, state: state, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if node.kind != .array { node.kind = .array }
            return UnkeyedContainer(node: node, state: state, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            SingleContainer(node: node, state: state, codingPath: codingPath)
        }
    }

    /// Encodes `value` into `node`: scalars directly, anything else through its `encode(to:)`.
    static func encode<T: Encodable>(_ value: T, into node: Node, state: EncodingState, codingPath: [any CodingKey]) throws {
        switch value {
        case let string as String: node.set(string: string)
        case let bool as Bool: node.set(literal: bool ? "true" : "false")
        case let int as Int: node.set(literal: String(int))
        case let int as Int64: node.set(literal: String(int))
        case let int as Int32: node.set(literal: String(int))
        case let int as UInt: node.set(literal: String(int))
        case let int as UInt64: node.set(literal: String(int))
        case let int as UInt32: node.set(literal: String(int))
        case is Double, is Float, is URL, is Date, is Data, is Decimal:
            // Foundation writes these in its own ways; leave them to it.
            state.unsupported = true
            throw Unsupported()
        default:
            try value.encode(to: NodeEncoder(node: node, state: state, codingPath: codingPath))
            // A value that encodes nothing is an empty object for Foundation too.
            if node.kind == .empty { node.kind = .object }
        }
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        let state: EncodingState
        var codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws { node.child(forKey: key.stringValue).set(literal: "null") }
        mutating func encode(_ value: Bool, forKey key: Key) throws { node.child(forKey: key.stringValue).set(literal: value ? "true" : "false") }
        mutating func encode(_ value: String, forKey key: Key) throws { node.child(forKey: key.stringValue).set(string: value) }
        mutating func encode(_ value: Int, forKey key: Key) throws { node.child(forKey: key.stringValue).set(literal: String(value)) }
        mutating func encode(_ value: Double, forKey key: Key) throws { state.unsupported = true; throw Unsupported() }
        mutating func encode(_ value: Float, forKey key: Key) throws { state.unsupported = true; throw Unsupported() }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try JSONTextEncoder.encode(value, into: node.child(forKey: key.stringValue), state: state, codingPath: codingPath + [key])
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = node.child(forKey: key.stringValue)
            child.kind = .object
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, state: state, codingPath: codingPath + [key]))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = node.child(forKey: key.stringValue)
            child.kind = .array
            return UnkeyedContainer(node: child, state: state, codingPath: codingPath + [key])
        }

        mutating func superEncoder() -> any Encoder {
            state.unsupported = true
            return NodeEncoder(node: Node(), state: state, codingPath: codingPath)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            state.unsupported = true
            return NodeEncoder(node: Node(), state: state, codingPath: codingPath + [key])
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let node: Node
        let state: EncodingState
        var codingPath: [any CodingKey]
        var count: Int { node.items.count }

        mutating func encodeNil() throws { node.appendItem().set(literal: "null") }
        mutating func encode(_ value: Bool) throws { node.appendItem().set(literal: value ? "true" : "false") }
        mutating func encode(_ value: String) throws { node.appendItem().set(string: value) }
        mutating func encode(_ value: Int) throws { node.appendItem().set(literal: String(value)) }
        mutating func encode(_ value: Double) throws { state.unsupported = true; throw Unsupported() }
        mutating func encode(_ value: Float) throws { state.unsupported = true; throw Unsupported() }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try JSONTextEncoder.encode(value, into: node.appendItem(), state: state, codingPath: codingPath)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = node.appendItem()
            child.kind = .object
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(node: child, state: state, codingPath: codingPath))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = node.appendItem()
            child.kind = .array
            return UnkeyedContainer(node: child, state: state, codingPath: codingPath)
        }

        mutating func superEncoder() -> any Encoder {
            state.unsupported = true
            return NodeEncoder(node: Node(), state: state, codingPath: codingPath)
        }
    }

    struct SingleContainer: SingleValueEncodingContainer {
        let node: Node
        let state: EncodingState
        var codingPath: [any CodingKey]

        mutating func encodeNil() throws { node.set(literal: "null") }
        mutating func encode(_ value: Bool) throws { node.set(literal: value ? "true" : "false") }
        mutating func encode(_ value: String) throws { node.set(string: value) }
        mutating func encode(_ value: Int) throws { node.set(literal: String(value)) }
        mutating func encode(_ value: Double) throws { state.unsupported = true; throw Unsupported() }
        mutating func encode(_ value: Float) throws { state.unsupported = true; throw Unsupported() }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try JSONTextEncoder.encode(value, into: node, state: state, codingPath: codingPath)
        }
    }

    // MARK: - Writing

    struct Writer {
        var bytes: [UInt8] = []

        static let spaces = [UInt8](repeating: 0x20, count: 128)

        mutating func indent(_ depth: Int) {
            var remaining = 2 * depth
            while remaining > 0 {
                let count = min(remaining, Self.spaces.count)
                bytes.append(contentsOf: Self.spaces[..<count])
                remaining -= count
            }
        }

        mutating func write(_ node: Node, depth: Int) {
            switch node.kind {
            case .string:
                writeString(node.text)
            case .literal:
                bytes.append(contentsOf: node.text.utf8)
            case .array:
                bytes.append(UInt8(ascii: "["))
                bytes.append(UInt8(ascii: "\n"))
                for (index, item) in node.items.enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ",")); bytes.append(UInt8(ascii: "\n")) }
                    indent(depth + 1)
                    write(item, depth: depth + 1)
                }
                bytes.append(UInt8(ascii: "\n"))
                indent(depth)
                bytes.append(UInt8(ascii: "]"))
            case .object, .empty:
                bytes.append(UInt8(ascii: "{"))
                bytes.append(UInt8(ascii: "\n"))
                for (index, entry) in node.entries.enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ",")); bytes.append(UInt8(ascii: "\n")) }
                    indent(depth + 1)
                    writeString(entry.key)
                    bytes.append(0x20); bytes.append(UInt8(ascii: ":")); bytes.append(0x20)
                    write(entry.node, depth: depth + 1)
                }
                bytes.append(UInt8(ascii: "\n"))
                indent(depth)
                bytes.append(UInt8(ascii: "}"))
            }
        }

        /// A JSON string as Foundation escapes it: `"` and `\`, the short escapes for
        /// backspace, form feed, newline, carriage return and tab, `\u00xx` (lower-case hex)
        /// for the other control characters; everything else, `/` included, as it is.
        mutating func writeString(_ string: String) {
            bytes.append(UInt8(ascii: "\""))
            if !string.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                bytes.append(contentsOf: string.utf8)
                bytes.append(UInt8(ascii: "\""))
                return
            }
            for byte in string.utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
                case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
                case 0x08: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "b"))
                case 0x0C: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "f"))
                case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
                case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
                case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
                case 0x00..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                default:
                    bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
