/// A small CSV table (RFC 4180: comma-separated, fields in double quotes may hold commas and
/// doubled quotes; no line breaks inside fields). The first line names the columns.
struct CSVTable: Sendable {
    let file: String
    let header: [String]
    /// Each row's fields, with its line number (from 1, the header is line 1).
    let rows: [(line: Int, fields: [String])]

    init(text: String, file: String) throws(PlaybookError) {
        self.file = file
        // `isNewline` splits "\n" and "\r\n" alike ("\r\n" is one Character).
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.first else { throw Self.error(file, 1, "expected a header line, found an empty file") }
        header = try Self.fields(first, file: file, line: 1)
        var rows: [(line: Int, fields: [String])] = []
        rows.reserveCapacity(lines.count)
        for (n, line) in lines.enumerated().dropFirst() {
            let fields = try Self.fields(line, file: file, line: n + 1)
            guard fields.count == header.count else {
                throw Self.error(file, n + 1, "expected \(header.count) fields (\(header.joined(separator: ","))), found \(fields.count)")
            }
            rows.append((n + 1, fields))
        }
        self.rows = rows
    }

    /// The position of column `name`, or an error naming the columns there are.
    func column(_ name: String) throws(PlaybookError) -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw Self.error(file, 1, "expected a column '\(name)', found \(header.joined(separator: ", "))")
        }
        return index
    }

    static func error(_ file: String, _ line: Int, _ message: String) -> PlaybookError {
        PlaybookError([.init(code: .invalidValue, file: file, line: line, column: 1, message: message)])
    }

    private static func fields(_ line: Substring, file: String, line number: Int) throws(PlaybookError) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if quoted {
                if character == "\"" {
                    let next = line.index(after: index)
                    if next < line.endIndex, line[next] == "\"" {
                        field.append("\"")
                        index = next
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(character)
                }
            } else if character == "," {
                fields.append(field)
                field = ""
            } else if character == "\"", field.isEmpty {
                quoted = true
            } else {
                field.append(character)
            }
            index = line.index(after: index)
        }
        if quoted { throw error(file, number, "expected a closing '\"', found the end of the line") }
        fields.append(field)
        return fields
    }
}
