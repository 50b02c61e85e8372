/// libyaml's diagnoses (English, fixed strings of its C sources) in the French of every other
/// finding (docs/findings.md). A text not listed here, from a later libyaml, is kept as written:
/// the finding still has its position and code.
enum YAMLProblemText {
  /// The problem (« found a tab character that violates indentation ») in French.
  static func french(problem: String) -> String {
    problems[problem] ?? problem
  }

  /// The context (« while parsing a flow mapping ») in French.
  static func french(context: String) -> String {
    contexts[context] ?? context
  }

  private static let problems: [String: String] = [
    "found a tab character that violates indentation": "une tabulation casse l'indentation",
    "found a tab character where an indentation space is expected":
      "une tabulation là où une espace d'indentation est attendue",
    "found character that cannot start any token": "un caractère qui ne peut commencer aucun élément",
    "found unexpected end of stream": "le fichier s'arrête trop tôt",
    "found unexpected ':'": "« : » inattendu",
    "found unknown escape character": "échappement inconnu",
    "found invalid Unicode character escape code": "échappement Unicode invalide",
    "found unexpected document indicator": "marque de document (« --- » ou « ... ») inattendue",
    "found undefined tag handle": "étiquette (« ! ») non définie",
    "found an indentation indicator equal to 0": "indicateur d'indentation égal à 0",
    "mapping values are not allowed in this context": "« clé: valeur » n'est pas permis à cet endroit",
    "could not find expected ':'": "« : » attendu",
    "did not find expected key": "une clé est attendue",
    "did not find expected node content": "une valeur est attendue",
    "did not find expected '-' indicator": "« - » attendu",
    "did not find expected ',' or '}'": "« , » ou « } » attendu",
    "did not find expected ',' or ']'": "« , » ou « ] » attendu",
    "did not find expected comment or line break": "un commentaire ou une fin de ligne est attendu",
    "did not find expected whitespace or line break": "une espace ou une fin de ligne est attendue",
    "did not find expected whitespace": "une espace est attendue",
    "did not find expected hexdecimal number": "un nombre hexadécimal est attendu",
    "control characters are not allowed": "les caractères de contrôle ne sont pas permis",
    "invalid Unicode character": "caractère Unicode invalide",
    "invalid leading UTF-8 octet": "octet UTF-8 invalide",
    "invalid trailing UTF-8 octet": "octet UTF-8 invalide",
    "incomplete UTF-8 octet sequence": "séquence UTF-8 incomplète",
    "input is too long": "le texte est trop long",
  ]

  private static let contexts: [String: String] = [
    "while scanning a plain scalar": "en lisant une valeur",
    "while scanning a quoted scalar": "en lisant un texte entre guillemets",
    "while parsing a quoted scalar": "en lisant un texte entre guillemets",
    "while scanning a block scalar": "en lisant un texte sur plusieurs lignes",
    "while scanning a simple key": "en lisant une clé",
    "while scanning for the next token": "en cherchant l'élément suivant",
    "while scanning an anchor": "en lisant une ancre",
    "while scanning an alias": "en lisant un alias",
    "while scanning a tag": "en lisant une étiquette",
    "while parsing a flow mapping": "dans un bloc { … }",
    "while parsing a flow sequence": "dans une liste [ … ]",
    "while parsing a flow node": "dans une valeur { … } ou [ … ]",
    "while parsing a block mapping": "dans un bloc de clés",
    "while parsing a block collection": "dans une liste ou un bloc",
    "while parsing a block node": "dans une valeur",
    "while parsing a node": "dans une valeur",
  ]
}
