import ChanceryModel
import GRDB

/// The store's schema, as GRDB migrations.
enum Schema {
    /// Bumped whenever the derived content changes shape, so old stores are rebuilt.
    static let version = "8"
    /// The version before: its stores lack only `coded_event`. The user's are read with a temporary one and given the
    /// table by their next import (`upgradeFromPrevious`).
    static let previousVersion = "7"

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "meta") { table in
                table.primaryKey("key", .text)
                table.column("value", .text).notNull()
            }
            try db.create(table: "entity") { table in
                table.column("rowid", .integer).primaryKey()
                table.column("id", .text).notNull().unique()
                table.column("kind", .text).notNull()
                table.column("category", .text).notNull()
                table.column("name", .text).notNull()
                table.column("sortName", .text).notNull()
                table.column("acronym", .text)
                table.column("text", .text)
                table.column("date", .text)
                table.column("dateStart", .integer).notNull()
                table.column("dateEnd", .integer).notNull()
                // The first day the date may cover (`yyyymmdd`; the smallest key for an open or unknown start).
                table.column("dateFirst", .integer).notNull()
                table.column("dateNote", .text)
                table.column("context", .text).notNull()
                table.column("fields", .text).notNull()
                table.column("linkedEventCount", .integer).notNull()
            }
            // Dated lists scan by kind in date order; named lists by kind in name order.
            try db.create(index: "entity_by_date", on: "entity", columns: ["kind", "dateStart", "id"])
            try db.create(index: "entity_by_name", on: "entity", columns: ["kind", "sortName", "id"])
            try db.create(index: "entity_by_category", on: "entity", columns: ["kind", "category", "dateStart"])
            try db.create(table: "link") { table in
                table.column("fromID", .text).notNull()
                table.column("toID", .text).notNull()
                table.column("role", .text).notNull()
                table.column("fromKind", .text).notNull()
                table.column("toKind", .text).notNull()
                table.column("fromDateStart", .integer).notNull()
                table.column("position", .integer).notNull()
            }
            try db.create(index: "link_outbound", on: "link", columns: ["fromID", "position"])
            // Narrowing a list to what links to an entity walks this index in date order.
            try db.create(index: "link_inbound", on: "link", columns: ["toID", "fromKind", "fromDateStart", "fromID"])
            try db.create(table: "citation") { table in
                table.column("entityID", .text).notNull()
                table.column("position", .integer).notNull()
                table.column("sourceID", .text).notNull()
                table.column("quote", .text).notNull()
                table.primaryKey(["entityID", "position"])
            }
            // The text of each source of the curated data, for the pager.
            try db.create(table: "source_text") { table in
                table.primaryKey("sourceID", .text)
                table.column("text", .text).notNull()
            }
            // How many entities of each kind and category are dated from one year to another (NULL: open or unknown),
            // or undated: the year histogram of a list filtered by kind or whole years alone, without a scan.
            try db.create(table: "date_spread", body: spreadColumns)
            // The same counts for what links to or from each organization, each entity once however many its links.
            try db.create(table: "organization_date_spread") { table in
                table.column("organizationID", .text).notNull()
                spreadColumns(table)
            }
            try db.create(index: "organization_date_spread_by_organization", on: "organization_date_spread",
                          columns: ["organizationID", "kind"])
            // When each organization's first membership began: the earliest membership event naming it in any role but
            // `member` (the one joining), its first day as a key (99999998 when undated) and its date; kept at build
            // and import time, so a list of organizations shows and sorts by it without walking their links.
            try db.create(table: "member_since") { table in
                table.primaryKey("organizationID", .text)
                table.column("firstDayKey", .integer).notNull()
                table.column("date", .text)
            }
            // A source's detail lists what cites it.
            try db.create(index: "citation_by_source", on: "citation", columns: ["sourceID", "entityID"])
            // Folded text of every entity (see SearchFolding), its title and acronym apart so that matches in titles
            // can come first; rowid is entity.rowid. Prefix indexes keep the first keystrokes of a filter ("r", "re")
            // from merging thousands of terms; from three letters on the terms are few enough to merge (`age*` among a
            // million events: 19 ms, 10 with a third prefix index, which took 166 MB and 9 s of the import). A store
            // made with `prefix='1 2 3'` keeps it: the prefixes indexed change the speed of a query, never its matches.
            try db.execute(sql: """
                CREATE VIRTUAL TABLE entity_fts USING fts5(title, text, content='', prefix='1 2', tokenize='unicode61 remove_diacritics 2')
                """)
            try addCodedEvents(db)
            try addCountryDateSpread(db)
            try addEntityYears(db)
            try addLongSpanIndex(db)
            try addEntityLinks(db)
            try addLinkedCounts(db)
            try addDateClasses(db)
        }
        return migrator
    }

    /// Creates `country_date_spread` when the store lacks it (stores of schema 8 made before it was added): the counts of
    /// `organization_date_spread`, per country, of what links to the country or to a place inside it, each entity once a
    /// country. The facet view counts a list by country from it.
    static func addCountryDateSpread(_ db: Database) throws {
        try db.create(table: "country_date_spread", options: [.ifNotExists]) { table in
            table.column("countryID", .text).notNull()
            spreadColumns(table)
        }
    }

    /// Creates `entity_years` when the store lacks it (stores of schema 8 made before it was added): each entity's kind,
    /// category and years (`DateSpreadSQL.columns`) under its rowid, refilled by every build and import. A list with
    /// words is counted, and its years spread, by joining its matches to this narrow table rather than to `entity`.
    static func addEntityYears(_ db: Database) throws {
        try db.create(table: "entity_years", options: [.ifNotExists]) { table in
            table.column("rowid", .integer).primaryKey()
            yearColumns(table)
        }
    }

    /// Creates `entity_links` when the store lacks it: each entity linked to or from an organization, place or person
    /// (the target), by the entity's kind, the target's kind, the target's rowid and the entity's rowid, once a pair;
    /// refilled by every build and import. A list narrowed to a target reads its entities' rowids off it in one range,
    /// and a list is counted by organization, place or person by reading the targets of one kind in one range, with
    /// no text ids (the `organization_links` it replaces held them: 108 MB for organizations alone, against 140 MB here
    /// for all three).
    static func addEntityLinks(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS entity_links (
                kind TEXT NOT NULL, targetKind TEXT NOT NULL, targetRowid INTEGER NOT NULL, entityRowid INTEGER NOT NULL,
                PRIMARY KEY (kind, targetKind, targetRowid, entityRowid)) WITHOUT ROWID
            """)
    }

    /// The kinds of target `entity_links` holds.
    static let linkTargetKinds: Set<EntityKind> = [.organization, .place, .person]

    /// Creates `linked_count` when the store lacks it: for each organization, place and person, the entities of each
    /// kind linked to it (either way), and for each source those citing it, once a pair: how many, and which (their
    /// rowids, packed: `PackedRowids`), with the target's kind, rowid, id and name; refilled by every build and import.
    /// A whole list counted by one of them reads the counts (7 s for a million events counted over their links); any
    /// other list reads the rowids of one kind of target and counts those it keeps (2 MB for places: a few ms, against
    /// 125 ms stepping through `entity_links`), named from here (39,000 people's rows read for theirs: 170 ms).
    static func addLinkedCounts(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS linked_count (
                targetKind TEXT NOT NULL, kind TEXT NOT NULL, targetRowid INTEGER NOT NULL, targetID TEXT NOT NULL,
                name TEXT NOT NULL, count INTEGER NOT NULL, rowids BLOB NOT NULL,
                PRIMARY KEY (targetKind, kind, targetRowid))
            """)
    }

    /// Creates `date_class` when the store lacks it: the entities of each kind and category dated from one year to
    /// another (`date_spread`'s counts), as packed rowids (`PackedRowids`); refilled by every build and import. A list
    /// with words or narrowings is counted, its years spread and its kinds counted, by unpacking the classes its kind,
    /// categories and years keep against its rowids (a million events' classes: 2 MB) instead of reading each match's
    /// years from `entity_years` (300,000 lookups for a common word: 100–150 ms).
    static func addDateClasses(_ db: Database) throws {
        try db.create(table: "date_class", options: [.ifNotExists]) { table in
            yearColumns(table)
            table.column("rowids", .blob).notNull()
        }
    }

    /// Creates `entity_by_long_span` when the store lacks it: the dated entities whose dates may lie more than a year
    /// from their start key (`FilterSQL.longSpan`), by kind and end. A date range kept overlapping reads the entities
    /// starting near it along `entity_by_date` and those of these ending after its start, not the whole kind.
    static func addLongSpanIndex(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX IF NOT EXISTS entity_by_long_span ON entity (kind, dateEnd, dateFirst) WHERE \(FilterSQL.longSpan)
            """)
    }

    /// The counting columns the date spreads share (all, per organization, per country): the years and a count.
    private static func spreadColumns(_ table: TableDefinition) {
        yearColumns(table)
        table.column("count", .integer).notNull()
    }

    /// An entity's kind, category and years (`DateSpreadSQL.columns`), which the date spreads and `entity_years` share
    /// and `DateSpreadSQL.yearConditions` reads alike.
    private static func yearColumns(_ table: TableDefinition) {
        table.column("kind", .text).notNull()
        table.column("category", .text).notNull()
        table.column("dated", .boolean).notNull()
        table.column("firstYear", .integer)
        table.column("lastYear", .integer)
    }

    /// Which of the tables and indexes added after schema 8 was first made a store has (the others it gets from its next
    /// import); readers take the faster reads only where they are.
    struct Derived: Hashable, Sendable {
        var countryDateSpread = false
        var entityYears = false
        var longSpans = false
        var entityLinks = false
        /// `linked_count` as it is now: the table made on the afternoon of 4 December 2026, without the rowids and
        /// organizations, is not read (the next import makes it anew).
        var linkedCounts = false
        var dateClasses = false

        /// What the store `db` has.
        static func present(in db: Database) throws -> Derived {
            let names = Set(try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master
                WHERE name IN ('country_date_spread', 'entity_years', 'entity_by_long_span', 'entity_links', 'date_class')
                UNION ALL SELECT 'linked_count' FROM pragma_table_info('linked_count') WHERE name = 'rowids'
                """))
            return Derived(countryDateSpread: names.contains("country_date_spread"), entityYears: names.contains("entity_years"),
                           longSpans: names.contains("entity_by_long_span"), entityLinks: names.contains("entity_links"),
                           linkedCounts: names.contains("linked_count"), dateClasses: names.contains("date_class"))
        }
    }

    /// Creates `coded_event`: what machine coding (GDELT) says of an event or visit beyond its entity row, one row per
    /// coded entity, keyed by the entity's rowid; filters and orders read it. `rowHash` is the hash of the input line
    /// it came from, so that importing the same line again changes nothing.
    static func addCodedEvents(_ db: Database, temporary: Bool = false) throws {
        try db.create(table: "coded_event", options: temporary ? [.temporary] : []) { table in
            table.column("entityRowid", .integer).primaryKey()
            table.column("cameoCode", .text).notNull()
            table.column("rootCode", .text).notNull()
            table.column("quadClass", .integer).notNull()
            table.column("goldstein", .double).notNull()
            table.column("mentions", .integer).notNull()
            table.column("sources", .integer).notNull()
            table.column("articles", .integer).notNull()
            table.column("tone", .double).notNull()
            table.column("seen", .integer).notNull()
            table.column("rowHash", .integer).notNull()
        }
    }

    /// Brings a store of `previousVersion` to this version inside the caller's transaction (an import's): adds
    /// `coded_event` and nothing else. A store of this version is left as it is.
    static func upgradeFromPrevious(_ db: Database) throws {
        guard try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'schema'") == previousVersion else { return }
        try addCodedEvents(db)
        try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'schema'", arguments: [version])
    }
}
