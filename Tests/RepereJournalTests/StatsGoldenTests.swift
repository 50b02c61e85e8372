import Foundation
import RepereBase
import Testing

@testable import RepereJournal

@Suite struct StatsGoldenTests {
  /// Twelve cases over two weeks: enough for one cell at 5 and others under it.
  static let facts: [CaseStatistics.CaseFacts] = {
    var facts: [CaseStatistics.CaseFacts] = []
    func add(_ count: Int, _ day: Int, _ level: String?, _ dispositions: [String], _ departement: String?) {
      for _ in 0..<count {
        facts.append(
          .init(
            started: CalendarDay(year: 2026, month: 11, day: day), level: level, dispositions: dispositions,
            departement: departement))
      }
    }
    add(5, 23, "signalement", ["signalement-procureur"], "93")
    add(3, 24, "information-preoccupante", ["ip-crip"], "95")
    add(2, 30, "urgence", ["appel-17", "signalement-procureur"], "93")
    add(1, 30, nil, [], nil)
    add(1, 12, "conseil", ["conseil"], "75")
    return facts
  }()

  @Test func textByLevelSuppressesSmallCells() {
    let statistics = CaseStatistics.count(Self.facts, since: nil)
    #expect(statistics.cases == 12)
    #expect(
      statistics.text(by: .level) == """
        Dossiers comptés : 12
        niveau                    dossiers
        conseil                   < 5
        information-preoccupante  < 5
        non renseigné             < 5
        signalement               5
        urgence                   < 5
        Les effectifs inférieurs à 5 sont affichés « < 5 ».

        """)
  }

  @Test func sinceKeepsLaterCasesAndWeeksAreISO() {
    let statistics = CaseStatistics.count(Self.facts, since: CalendarDay(year: 2026, month: 11, day: 20))
    #expect(statistics.cases == 11)
    #expect(
      statistics.csv(by: .week) == """
        semaine;dossiers
        2026-W48;8
        2026-W49;< 5

        """)
    #expect(CaseStatistics.isoWeek(CalendarDay(year: 2027, month: 1, day: 1)) == "2026-W53")
  }

  @Test func aCaseWithTwoDispositionsCountsUnderEach() {
    let statistics = CaseStatistics.count(Self.facts, since: nil)
    #expect(
      statistics.json(by: .disposition) == """
        {
          "by" : "disposition",
          "cases" : "12",
          "format" : "repere/stats@1",
          "rows" : [
            {
              "cases" : "< 5",
              "value" : "appel-17"
            },
            {
              "cases" : "< 5",
              "value" : "conseil"
            },
            {
              "cases" : "< 5",
              "value" : "ip-crip"
            },
            {
              "cases" : "< 5",
              "value" : "non renseigné"
            },
            {
              "cases" : "7",
              "value" : "signalement-procureur"
            }
          ],
          "threshold" : 5
        }

        """)
  }

  @Test func exportsKeepExactCountsAndMergeAddsThem() throws {
    let one = CaseStatistics.count(Self.facts, since: nil)
    let two = CaseStatistics.count(Array(Self.facts.prefix(3)), since: nil)
    let decoded = try CaseStatistics.decodeExport(Data(one.exportJSON().utf8), file: "a.json")
    #expect(decoded == one)
    let merged = CaseStatistics.merged([decoded, two])
    #expect(merged.cases == 15)
    #expect(merged.counts["departement"] == ["93": 10, "95": 3, "75": 1, "non renseigné": 1])
    #expect(
      merged.text(by: .departement) == """
        Dossiers comptés : 15
        département    dossiers
        75             < 5
        93             10
        95             < 5
        non renseigné  < 5
        Les effectifs inférieurs à 5 sont affichés « < 5 ».

        """)
    #expect(throws: JournalError.self) { try CaseStatistics.decodeExport(Data("{}".utf8), file: "b.json") }
  }

  @Test func nothingInAnExportIdentifiesACase() {
    let export = CaseStatistics.count(Self.facts, since: nil).exportJSON()
    for forbidden in ["lea", "note", "id\"", "answer"] { #expect(!export.contains(forbidden)) }
  }
}
