"""The sentence pass: each sentence's own relations, read from its parsed items.

One class per family of relations, all reading and writing the same Draft, joined in SentencePass:
- reader.py: the state of the pass and what every family uses (keeping a breakdown, recording a chain, which
  sentence, section or bracket a figure stands in);
- lists.py: mentions, lists and their totals (breakdowns), shares written with 占, clauses of a list;
- within.py: a list's entries named as within one of its parts (`乙 b，乙中丙 c`), no items of the list;
- rates.py: rates of an outcome over a plan (完成预算的 p%, 执行率), and ratios of named figures;
- changes.py: changes against a base (比上年增长 p%, 增加 Δ), their subject and base;
- chains.py: sums and differences read across a sentence's figures (超收, 结余, 余额低于限额, 以上合计 …);
- bases.py: the base of a change stated apart from it (in brackets, after it, as a named figure);
- wording.py: the patterns and small readings of words that several families share;
- sentence_pass.py: the pass itself, sentence by sentence, in the order the readings build on each other.
"""
