//! The content rules every bank keeps (a broken one fails the build): ids
//! stable and unique, every question traced to the seed's facts, each type's
//! own shape.

use super::*;

impl Bank {
    /// Every rule the content breaks, in words a content editor can act on.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let section_titles: HashSet<&str> = self.sections.iter().map(|s| s.title.as_str()).collect();
        let section_ids: HashSet<&str> = self.sections.iter().map(|s| s.id.as_str()).collect();
        let mut fact_ids = HashSet::new();
        for fact in &self.facts {
            if !fact_ids.insert(fact.id.as_str()) {
                problems.push(format!("fact '{}' is listed twice", fact.id));
            }
            if !section_ids.contains(fact.section.as_str()) {
                problems.push(format!("fact '{}': section '{}' is not a seed section", fact.id, fact.section));
            }
        }
        let mut taught = HashSet::new();
        let mut topic_ids = HashSet::new();
        let mut question_ids = HashSet::new();
        for topic in &self.topics {
            if !topic_ids.insert(topic.id.as_str()) {
                problems.push(format!("topic id '{}' is used twice", topic.id));
            }
            if topic.questions.is_empty() {
                problems.push(format!("topic '{}' has no questions", topic.id));
            }
            for q in &topic.questions {
                let at = format!("question '{}'", q.id);
                if !is_stable_id(&q.id) {
                    problems.push(format!("{at}: id must be lowercase letters, digits and hyphens"));
                }
                if !question_ids.insert(q.id.as_str()) {
                    problems.push(format!("{at}: id is used twice"));
                }
                if q.prompt.trim().is_empty() {
                    problems.push(format!("{at}: prompt is empty"));
                }
                if q.explanation.trim().is_empty() {
                    problems.push(format!("{at}: explanation is empty"));
                }
                if !section_titles.contains(q.source.as_str()) {
                    problems.push(format!("{at}: source '{}' is not a section of the seed", q.source));
                }
                if let Some(n) = q.principle {
                    if !(1..=10).contains(&n) || !q.source.starts_with(&format!("Principle {n}:")) {
                        problems.push(format!("{at}: principle {n} but source is '{}'", q.source));
                    }
                }
                if q.facts.is_empty() {
                    problems.push(format!("{at}: names no facts"));
                }
                for fact in &q.facts {
                    if fact_ids.contains(fact.as_str()) {
                        taught.insert(fact.as_str());
                    } else {
                        problems.push(format!("{at}: unknown fact '{fact}'"));
                    }
                }
                let figures: Vec<i64> = q.facts.iter().filter_map(|id| self.fact(id)?.figure).collect();
                for problem in kind_problems(&q.kind, &figures) {
                    problems.push(format!("{at}: {problem}"));
                }
            }
        }
        for fact in &self.facts {
            if !taught.contains(fact.id.as_str()) {
                problems.push(format!("fact '{}' is taught by no question", fact.id));
            }
        }
        problems.extend(self.card_problems(&fact_ids, &section_ids, &topic_ids));
        let card_ids: Vec<&str> = self.cards.iter().map(|c| c.id.as_str()).collect();
        problems.extend(self.deck.problems(&card_ids));
        problems
    }

    /// The rules for the Learn cards: known sections, topics and facts, charts
    /// drawn from figures, and every fact on some card.
    pub(super) fn card_problems(&self, fact_ids: &HashSet<&str>, section_ids: &HashSet<&str>, topic_ids: &HashSet<&str>) -> Vec<String> {
        let mut problems = Vec::new();
        let mut card_ids = HashSet::new();
        let mut shown = HashSet::new();
        for card in &self.cards {
            let at = format!("card '{}'", card.id);
            if !is_stable_id(&card.id) || !card_ids.insert(card.id.as_str()) {
                problems.push(format!("{at}: id must be unique, in lowercase letters, digits and hyphens"));
            }
            if !section_ids.contains(card.section.as_str()) {
                problems.push(format!("{at}: section '{}' is not a seed section", card.section));
            }
            if let Some(topic) = &card.topic {
                if !topic_ids.contains(topic.as_str()) {
                    problems.push(format!("{at}: topic '{topic}' is not a quiz topic"));
                }
            }
            if card.link.as_deref().is_some_and(|l| !l.starts_with("https://")) {
                problems.push(format!("{at}: a link must start with https://"));
            }
            let named = card
                .groups
                .iter()
                .flat_map(|g| g.points.iter().filter_map(|p| p.fact.as_deref()))
                .chain(card.flips.iter().flat_map(|f| f.facts.iter().map(String::as_str)));
            for fact in named {
                if fact_ids.contains(fact) {
                    shown.insert(fact);
                } else {
                    problems.push(format!("{at}: unknown fact '{fact}'"));
                }
            }
            for chart in &card.charts {
                if !matches!(chart.unit.as_str(), "" | "%") {
                    problems.push(format!("{at}: chart '{}' unit must be \"%\" or \"\"", chart.title));
                }
                for bar in &chart.bars {
                    match self.fact(&bar.fact).and_then(|f| f.figure) {
                        None => problems.push(format!("{at}: chart bar '{}' needs a fact with a figure", bar.label)),
                        // A percentage chart is drawn on a 0 to 100% axis.
                        Some(figure) if chart.unit == "%" && !(0..=100).contains(&figure) => {
                            problems.push(format!("{at}: chart bar '{}' is a percentage, so its figure must be 0 to 100", bar.label))
                        }
                        Some(figure) if figure < 0 => problems.push(format!("{at}: chart bar '{}' cannot be a negative count", bar.label)),
                        Some(_) => {}
                    }
                }
            }
        }
        for fact in &self.facts {
            let on_a_card =
                self.cards.iter().any(|c| c.groups.iter().any(|g| g.points.iter().any(|p| p.fact.as_deref() == Some(fact.id.as_str()))));
            if !on_a_card {
                problems.push(format!("fact '{}' is on no Learn card", fact.id));
            }
        }
        problems
    }
}

/// What is wrong with the answer part of a question, by its type's rules.
/// `figures` are the figures of the facts the question names.
pub(super) fn kind_problems(kind: &Kind, figures: &[i64]) -> Vec<String> {
    let mut problems = Vec::new();
    match kind {
        Kind::SingleChoice { options } => {
            problems.extend(option_problems(options));
            if correct_count(options) != 1 {
                problems.push("needs exactly one correct option".to_string());
            }
        }
        Kind::MultipleChoice { options } => {
            problems.extend(option_problems(options));
            if correct_count(options) == 0 || correct_count(options) == options.len() {
                problems.push("needs at least one correct and one wrong option".to_string());
            }
        }
        Kind::Scenario { scenario, options } => {
            problems.extend(option_problems(options));
            if scenario.trim().is_empty() {
                problems.push("scenario is empty".to_string());
            }
            if correct_count(options) == 0 || correct_count(options) == options.len() {
                problems.push("needs at least one correct and one wrong option".to_string());
            }
        }
        Kind::TrueFalse { .. } => {}
        Kind::Order { items } => {
            if items.len() < 3 {
                problems.push("an order question needs at least three items".to_string());
            }
            if !unique(items.iter().map(|i| i.text.as_str())) {
                problems.push("order items must be non-empty and all different".to_string());
            }
        }
        Kind::Match { pairs } => {
            if pairs.len() < 2 {
                problems.push("a match question needs at least two pairs".to_string());
            }
            if !unique(pairs.iter().map(|p| p.left.as_str())) || !unique(pairs.iter().map(|p| p.right.as_str())) {
                problems.push("match lefts and rights must each be non-empty and all different".to_string());
            }
        }
        Kind::Numeric { answer, unit, .. } => {
            if !matches!(unit.as_str(), "" | "%") {
                problems.push(format!("unit '{unit}' must be \"%\" or \"\""));
            }
            if !figures.contains(answer) {
                problems.push(format!("numeric answer {answer} is not the figure of any of its facts"));
            }
        }
    }
    let ids = kind.part_ids();
    if !ids.iter().all(|id| is_stable_id(id)) || !unique(ids.iter().copied()) {
        problems.push("each option, item or pair needs an id of lowercase letters, digits and hyphens, all different".to_string());
    }
    problems
}

/// What is wrong with a choice question's options, whatever its type.
pub(super) fn option_problems(options: &[AnswerOption]) -> Vec<String> {
    let mut problems = Vec::new();
    if options.len() < 2 {
        problems.push("needs at least two options".to_string());
    }
    if !unique(options.iter().map(|o| o.text.as_str())) {
        problems.push("options must be non-empty and all different".to_string());
    }
    problems
}

/// How many of `options` are right.
pub(super) fn correct_count(options: &[AnswerOption]) -> usize {
    options.iter().filter(|o| o.correct).count()
}

/// True if every text is non-empty and no two are the same.
pub(super) fn unique<'a>(texts: impl IntoIterator<Item = &'a str>) -> bool {
    let mut seen = HashSet::new();
    texts.into_iter().all(|t| !t.trim().is_empty() && seen.insert(t.trim()))
}

pub(super) fn is_stable_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
