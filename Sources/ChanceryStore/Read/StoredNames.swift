import ChanceryModel
import GRDB

/// A closed set of names the store keeps as text (entity kinds, link roles, event and place kinds). Read back
/// with `stored(_:column:)`: a name this version of chancery does not know is an `UnknownStoredValue`, never
/// a guess.
protocol StoredName: RawRepresentable<String> {}

extension StoredName {
    /// The value named by `text`, read from `column`; throws `UnknownStoredValue` for a name it does not know.
    static func stored(_ text: String, column: String) throws(UnknownStoredValue) -> Self {
        guard let value = Self(rawValue: text) else { throw UnknownStoredValue(column: column, value: text) }
        return value
    }
}

/// A value in a column of the store that this version of chancery cannot read, such as a kind it does not know
/// (a newer version wrote it, or another program changed the file); `ChanceryStore` reports it as
/// `StoreError.unknownValue`, with the store's path.
struct UnknownStoredValue: Error {
    /// The column, such as `kind` or `role`.
    var column: String
    /// The text found there (its start, when long).
    var value: String
}

extension Row {
    /// The name stored in `column`, as `Value`; throws `UnknownStoredValue` for a name it does not know.
    func stored<Value: StoredName>(_ column: String) throws -> Value {
        try Value.stored(try decode(String.self, forColumn: column), column: column)
    }
}

// Entity kinds are also bound in queries, as their raw values.
extension EntityKind: DatabaseValueConvertible, StoredName {}
extension LinkRole: StoredName {}
extension EventKind: StoredName {}
extension PlaceKind: StoredName {}
extension DetailField.Kind: StoredName {}
