import Testing

@testable import RepereUI

@Suite struct ListCursorTests {
  @Test func movesStopAtTheEndsOfTheList() {
    var cursor = ListCursor()
    cursor.up()
    #expect(cursor.index == 0)
    cursor.down(count: 2)
    cursor.down(count: 2)
    #expect(cursor.index == 1)
    cursor.down(count: 0)
    #expect(cursor.index == 0, "an empty list keeps the cursor on its first row")
  }

  @Test func aQuestionsOptionsGoRound() {
    var cursor = ListCursor()
    cursor.upAround(count: 3)
    #expect(cursor.index == 2)
    cursor.downAround(count: 3)
    #expect(cursor.index == 0)
    cursor.downAround(count: 0)
    #expect(cursor.index == 0)
  }

  @Test func theRowIsThereOnlyInsideTheList() {
    #expect(ListCursor(1).row(in: ["a", "b"]) == "b")
    #expect(ListCursor(2).row(in: ["a", "b"]) == nil)
    var cursor = ListCursor(5)
    cursor.keepInside(count: 3)
    #expect(cursor.index == 2)
  }
}
