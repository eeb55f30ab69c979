//! The analysis rules, each on a small text written for the test.

use byline::model::{Document, EntityKind};

fn names(doc: &Document, kind: EntityKind) -> Vec<String> {
    doc.names_of(kind).into_iter().map(String::from).collect()
}

fn people(text: &str) -> Vec<String> {
    names(&Document::analyze(text), EntityKind::Person)
}

fn places(text: &str) -> Vec<String> {
    names(&Document::analyze(text), EntityKind::Place)
}

/// The speaker of the quote that contains `needle`.
fn speaker(doc: &Document, needle: &str) -> Option<String> {
    let q = doc
        .quotes
        .iter()
        .find(|q| doc.slice(&q.span).contains(needle))
        .unwrap_or_else(|| panic!("no quote with {needle:?}"));
    q.speaker.map(|id| doc.entities[id].name.clone())
}

fn mentions_of(doc: &Document, name: &str) -> Vec<String> {
    let e = doc
        .entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name:?}"));
    e.mentions
        .iter()
        .map(|m| doc.slice(&m.span).to_string())
        .collect()
}

const HEAD: &str = "Headline Of The Day\n";

#[test]
fn local_council_titles_are_roles_not_names() {
    let doc = Document::analyze(&format!(
        "{HEAD}City Councilmember Rosa Delgado-Price, whose district includes the depot, \
         called the delay a failure. Alderwoman Ines Obi and Selectman Tomas Riedel agreed."
    ));
    let mut people = names(&doc, EntityKind::Person);
    people.sort();
    assert_eq!(people, ["Ines Obi", "Rosa Delgado-Price", "Tomas Riedel"]);
    let role = |name: &str| {
        doc.entities
            .iter()
            .find(|e| e.name == name)
            .and_then(|e| e.role.clone())
    };
    assert_eq!(role("Rosa Delgado-Price").as_deref(), Some("Councilmember"));
    assert_eq!(role("Ines Obi").as_deref(), Some("Alderwoman"));
}

#[test]
fn titles_are_stripped_and_kept_as_roles() {
    let doc = Document::analyze(&format!(
        "{HEAD}Finance Minister Adaeze Okonkwo met Sen. Harold Birch and Dr. Lena Falk on Tuesday."
    ));
    assert_eq!(
        names(&doc, EntityKind::Person),
        ["Adaeze Okonkwo", "Harold Birch", "Lena Falk"]
    );
    let okonkwo = doc
        .entities
        .iter()
        .find(|e| e.name == "Adaeze Okonkwo")
        .unwrap();
    assert_eq!(okonkwo.role.as_deref(), Some("Finance Minister"));
}

#[test]
fn surnames_merge_into_the_full_name() {
    let doc = Document::analyze(&format!(
        "{HEAD}Governor Maria Lindqvist opened the bridge. Lindqvist’s speech was short. Later Lindqvist left."
    ));
    assert_eq!(names(&doc, EntityKind::Person), ["Maria Lindqvist"]);
    assert_eq!(
        mentions_of(&doc, "Maria Lindqvist"),
        ["Maria Lindqvist", "Lindqvist", "Lindqvist"]
    );
}

#[test]
fn family_name_first_names_resolve_by_family_name() {
    let doc = Document::analyze(&format!(
        "{HEAD}Trade Minister Zhou Minghao arrived on Sunday. Zhou said the talks went well."
    ));
    assert_eq!(names(&doc, EntityKind::Person), ["Zhou Minghao"]);
    assert_eq!(mentions_of(&doc, "Zhou Minghao").len(), 2);
}

#[test]
fn particles_stay_inside_names() {
    assert_eq!(
        people(&format!(
            "{HEAD}President Anna van der Berg spoke to reporters on Friday."
        )),
        ["Anna van der Berg"]
    );
}

#[test]
fn not_people_months_weekdays_places_organizations_sentence_starts() {
    let found = people(&format!(
        "{HEAD}Meanwhile the Ministry of Finance said on Monday in March that Paris and the Central Bank would act. However, Nothing Changed."
    ));
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn role_nouns_and_appositions_mark_people() {
    let found = people(&format!(
        "{HEAD}The agency’s spokesman Tomasz Wierzba declined to comment. Ilse Kuhnert, the regional director, agreed."
    ));
    assert_eq!(found, ["Ilse Kuhnert", "Tomasz Wierzba"]);
}

#[test]
fn places_with_alternate_forms_possessives_and_compounds() {
    let found = places(&format!(
        "{HEAD}Officials in Kiev met U.S. envoys. Kyiv’s mayor praised the US-Ukraine accord and the UK."
    ));
    assert_eq!(
        found,
        ["Kyiv", "Ukraine", "United Kingdom", "United States"]
    );
}

#[test]
fn demonyms_are_not_places() {
    assert!(
        places(&format!(
            "{HEAD}Russian and French diplomats met Ukrainians."
        ))
        .is_empty()
    );
}

#[test]
fn place_as_part_of_a_title_is_not_a_place_mention() {
    let doc = Document::analyze(&format!(
        "{HEAD}U.S. Senator Dana Whitfield spoke at length about the new rail line."
    ));
    assert_eq!(names(&doc, EntityKind::Person), ["Dana Whitfield"]);
    assert!(names(&doc, EntityKind::Place).is_empty());
}

#[test]
fn organizations_are_their_own_kind_with_acronyms() {
    let doc = Document::analyze(&format!(
        "{HEAD}The Department of Water Supply (DWS) said the Northern Grain Company would pay. DWS officials agreed."
    ));
    let orgs = names(&doc, EntityKind::Organization);
    assert_eq!(
        orgs,
        ["Department of Water Supply", "Northern Grain Company"]
    );
    assert_eq!(mentions_of(&doc, "Department of Water Supply").len(), 3);
    assert!(names(&doc, EntityKind::Person).is_empty());
}

#[test]
fn speaker_after_the_quote_in_both_orders() {
    let doc = Document::analyze(&format!(
        "{HEAD}Mayor Paula Ortega and Judge Kenneth Mbeki met.\n“We agreed on a plan,” Ortega said.\n“It is a start,” said Judge Mbeki."
    ));
    assert_eq!(speaker(&doc, "We agreed").as_deref(), Some("Paula Ortega"));
    assert_eq!(
        speaker(&doc, "It is a start").as_deref(),
        Some("Kenneth Mbeki")
    );
}

#[test]
fn speaker_before_the_quote_and_reported_speech() {
    let doc = Document::analyze(&format!(
        "{HEAD}Chancellor Ingrid Solberg said: “The budget is balanced.”\nSolberg stated that she believes Governor Alan Reyes “will sign it soon” after the vote."
    ));
    assert_eq!(speaker(&doc, "budget").as_deref(), Some("Ingrid Solberg"));
    assert_eq!(
        speaker(&doc, "will sign").as_deref(),
        Some("Ingrid Solberg")
    );
}

#[test]
fn pronoun_speakers_resolve_to_the_last_fitting_person() {
    let doc = Document::analyze(&format!(
        "{HEAD}Minister Hannah Weiss visited the plant with engineers.\n“The work is excellent,” she added."
    ));
    assert_eq!(speaker(&doc, "excellent").as_deref(), Some("Hannah Weiss"));
}

#[test]
fn continued_quote_in_the_next_sentence_keeps_its_speaker() {
    let doc = Document::analyze(&format!(
        "{HEAD}Senator Ruth Adeyemi met voters.\n“This is a chance,” Adeyemi said. “So we must take it.”"
    ));
    assert_eq!(speaker(&doc, "So we must").as_deref(), Some("Ruth Adeyemi"));
}

#[test]
fn quote_paragraph_after_its_introduction() {
    let doc = Document::analyze(&format!(
        "{HEAD}Coach Leon Park explained the loss to reporters, who asked about the defense. Park said:\n“We were not ready. Next week will be different.”"
    ));
    assert_eq!(speaker(&doc, "not ready").as_deref(), Some("Leon Park"));
}

#[test]
fn multi_paragraph_quote_keeps_its_speaker() {
    let doc = Document::analyze(&format!(
        "{HEAD}Professor Clara Nduka said the findings were clear: “The water is rising faster than expected.\n“And the models agree on that,” she said later."
    ));
    assert_eq!(
        speaker(&doc, "water is rising").as_deref(),
        Some("Clara Nduka")
    );
    assert_eq!(
        speaker(&doc, "models agree").as_deref(),
        Some("Clara Nduka")
    );
}

#[test]
fn organization_speakers_leave_the_quote_unattributed() {
    let doc = Document::analyze(&format!(
        "{HEAD}President Omar Haddad arrived.\n“We regret the delay,” the ministry said."
    ));
    assert_eq!(speaker(&doc, "regret"), None);
}

#[test]
fn descriptions_refer_back_to_the_person() {
    let doc = Document::analyze(&format!(
        "{HEAD}French President Alain Moreau met Chancellor Jonas Weber. The French president praised the deal."
    ));
    let moreau = mentions_of(&doc, "Alain Moreau");
    assert_eq!(moreau, ["Alain Moreau", "The French president"]);
}

#[test]
fn headlines_only_mark_known_names() {
    let doc = Document::analyze(
        "Moreau Says Deal Will Hold In Talks\nPresident Alain Moreau spoke on Tuesday about the long negotiations.",
    );
    assert_eq!(names(&doc, EntityKind::Person), ["Alain Moreau"]);
    assert_eq!(
        mentions_of(&doc, "Alain Moreau"),
        ["Moreau", "Alain Moreau"]
    );
}

#[test]
fn qualifiers_before_a_title_are_not_part_of_the_name() {
    assert_eq!(
        people(&format!(
            "{HEAD}Regional Premier Tobias Krenn and Acme CEO Lara Voss spoke on Monday."
        )),
        ["Lara Voss", "Tobias Krenn"]
    );
}

#[test]
fn knights_are_called_by_their_given_name() {
    let doc = Document::analyze(&format!(
        "{HEAD}The minister, Keiran Holloway, was knighted last year. Sir Keiran said he was pleased."
    ));
    assert_eq!(names(&doc, EntityKind::Person), ["Keiran Holloway"]);
    assert_eq!(mentions_of(&doc, "Keiran Holloway").len(), 2);
}

#[test]
fn a_middle_name_that_is_no_given_name_is_a_short_form() {
    let doc = Document::analyze(&format!(
        "{HEAD}President José Inácio Pardal da Costa opened the summit. Pardal spoke first."
    ));
    assert_eq!(
        names(&doc, EntityKind::Person),
        ["José Inácio Pardal da Costa"]
    );
    assert_eq!(mentions_of(&doc, "José Inácio Pardal da Costa").len(), 2);
}

#[test]
fn descriptions_with_the_role_words_of_the_title() {
    let doc = Document::analyze(&format!(
        "{HEAD}The health secretary insisted the plan was “long overdue” as nurses warned of strikes.\nHealth Secretary Priya Raman spoke in Leeds on Tuesday."
    ));
    assert_eq!(
        speaker(&doc, "long overdue").as_deref(),
        Some("Priya Raman")
    );
}

#[test]
fn sentence_starts_that_the_text_also_writes_in_lowercase_are_not_names() {
    let doc = Document::analyze(&format!(
        "{HEAD}Governor Ilka Sorensen left early. Reluctantly Sorensen agreed, and reluctantly the others followed."
    ));
    assert_eq!(names(&doc, EntityKind::Person), ["Ilka Sorensen"]);
}

#[test]
fn a_place_before_a_name_is_not_part_of_it() {
    let doc = Document::analyze(&format!(
        "{HEAD}Mayor Tomas Lind spoke first. In Vienna Lind met the press."
    ));
    assert_eq!(names(&doc, EntityKind::Person), ["Tomas Lind"]);
    assert_eq!(names(&doc, EntityKind::Place), ["Vienna"]);
}

#[test]
fn foreign_honorifics_are_titles() {
    assert_eq!(
        people(&format!(
            "{HEAD}Madame Odile Ferrand and Herr Jonas Albrecht met in the hall."
        )),
        ["Jonas Albrecht", "Odile Ferrand"]
    );
}

#[test]
fn a_clause_ending_in_a_colon_introduces_the_speaker() {
    let doc = Document::analyze(&format!(
        "{HEAD}Councillor Rosa Imbert spoke first. Her neighbor, Viktor Hale, objected: “It is too late.”\nAnother view came from Imbert’s aide, Luz Ortiz: “We will wait.”"
    ));
    assert_eq!(speaker(&doc, "too late").as_deref(), Some("Viktor Hale"));
    assert_eq!(speaker(&doc, "We will wait").as_deref(), Some("Luz Ortiz"));
}

#[test]
fn a_place_inside_an_organization_name_stays_in_the_name() {
    let doc = Document::analyze(&format!(
        "{HEAD}Data from the U.S. Geological Survey and the Kenya Wildlife Service were used."
    ));
    assert_eq!(
        names(&doc, EntityKind::Organization),
        ["Kenya Wildlife Service", "U.S. Geological Survey"]
    );
    assert!(names(&doc, EntityKind::Place).is_empty());
}

#[test]
fn surnames_with_particles_and_double_surnames_are_one_mention() {
    let doc = Document::analyze(&format!(
        "{HEAD}Crown Prince Khalid bin Rashed met Governor Ana Lucía Ferrer Quintana. Later bin Rashed and Ferrer Quintana spoke."
    ));
    assert_eq!(
        mentions_of(&doc, "Khalid bin Rashed"),
        ["Khalid bin Rashed", "bin Rashed"]
    );
    assert_eq!(
        mentions_of(&doc, "Ana Lucía Ferrer Quintana"),
        ["Ana Lucía Ferrer Quintana", "Ferrer Quintana"]
    );
}

#[test]
fn plural_speakers_leave_the_quote_unattributed() {
    let doc = Document::analyze(&format!(
        "{HEAD}Mayor Erin Vale backed the plan.\nTransit officials said they expected funding. “The money is there,” they said."
    ));
    assert_eq!(speaker(&doc, "money is there"), None);
}

#[test]
fn a_paragraph_about_one_person_introduces_the_next_quote_paragraph() {
    let doc = Document::analyze(&format!(
        "{HEAD}Farmer Lukas Brandt has lost half of his harvest to the drought this year.\n“It has been the worst summer of my life.”\nTwo ministers, Ada Novak and Ivo Rusk, visited the region.\n“Help is coming.”"
    ));
    assert_eq!(
        speaker(&doc, "worst summer").as_deref(),
        Some("Lukas Brandt")
    );
    assert_eq!(
        speaker(&doc, "Help is coming"),
        None,
        "two people: no guess"
    );
}

#[test]
fn a_name_after_at_is_a_workplace_not_a_person() {
    let doc = Document::analyze(&format!(
        "{HEAD}Analysts at Morgan Stanley said the case could take years, and Sarah Lin agreed."
    ));
    assert_eq!(names(&doc, EntityKind::Person), ["Sarah Lin"]);
}

#[test]
fn an_acronym_joins_the_name_whose_initials_it_spells() {
    let doc = Document::analyze(&format!(
        "{HEAD}The World Food Programme said on Monday that WFP trucks were stuck."
    ));
    assert_eq!(
        names(&doc, EntityKind::Organization),
        ["World Food Programme"]
    );
    assert_eq!(mentions_of(&doc, "World Food Programme").len(), 2);
}

#[test]
fn an_acronym_joins_the_first_name_it_spells() {
    let doc = Document::analyze(&format!(
        "{HEAD}The World Food Programme and the Western Farmers Party met. WFP trucks were stuck."
    ));
    assert_eq!(mentions_of(&doc, "World Food Programme").len(), 2);
    assert_eq!(mentions_of(&doc, "Western Farmers Party").len(), 1);
}

#[test]
fn a_lede_speaker_named_in_the_next_paragraph() {
    let doc = Document::analyze(&format!(
        "{HEAD}A senior European envoy told reporters on Monday that the bloc “will not be rushed,” officials said.\nSpecial Envoy Marta Kowalczyk was in Geneva for three days of talks.\nA spokesman for the ministry said “nothing is agreed.”\nPresident Ian Doyle will visit next week."
    ));
    assert_eq!(
        speaker(&doc, "will not be rushed").as_deref(),
        Some("Marta Kowalczyk")
    );
    assert_eq!(
        speaker(&doc, "nothing is agreed"),
        None,
        "the noun must stand right before the verb"
    );
}

#[test]
fn a_person_of_an_organization_is_split_in_two() {
    let doc = Document::analyze(&format!(
        "{HEAD}“It will not last,” said Dana Ruiz of Harbor Capital Partners on Friday."
    ));
    assert_eq!(names(&doc, EntityKind::Person), ["Dana Ruiz"]);
    assert_eq!(
        names(&doc, EntityKind::Organization),
        ["Harbor Capital Partners"]
    );
    assert_eq!(speaker(&doc, "will not last").as_deref(), Some("Dana Ruiz"));
}

#[test]
fn a_model_number_is_part_of_the_name_not_a_number() {
    let doc = Document::analyze(&format!(
        "{HEAD}The airline ordered the Skyliner 900 and 12 other jets. In 2024 sales rose."
    ));
    let numbers = names(&doc, EntityKind::Number);
    assert!(numbers.iter().any(|n| n.starts_with("12")), "{numbers:?}");
    assert!(!numbers.contains(&"900".to_string()), "{numbers:?}");
    assert!(numbers.contains(&"2024".to_string()), "{numbers:?}");
}

#[test]
fn told_names_the_listener_not_a_person() {
    let doc = Document::analyze(&format!(
        "{HEAD}Coach Ruben Alves met the press.\n“We fought,” Alves told Radio Norte after the match."
    ));
    assert_eq!(names(&doc, EntityKind::Person), ["Ruben Alves"]);
    assert_eq!(speaker(&doc, "We fought").as_deref(), Some("Ruben Alves"));
}

#[test]
fn teams_are_organizations_and_lone_institution_words_are_nothing() {
    let doc = Document::analyze(&format!(
        "{HEAD}Leeds United beat Wigan Athletic on Sunday. The win moves United up. Agency officials in the United States declined to comment, and the Kremlin said nothing."
    ));
    assert_eq!(
        names(&doc, EntityKind::Organization),
        ["Kremlin", "Leeds United", "Wigan Athletic"]
    );
    assert_eq!(names(&doc, EntityKind::Place), ["United States"]);
}

#[test]
fn a_lone_word_called_the_company_is_an_organization() {
    let doc = Document::analyze(&format!(
        "{HEAD}Quillo on Tuesday unveiled the Quillo Vue, the company's second attempt at a headset. Quillo said in a statement that sales start in May. Brenna Tusk, who runs a rival firm, said it was late. Tusk said the company had waited too long."
    ));
    assert_eq!(names(&doc, EntityKind::Person), ["Brenna Tusk"]);
    assert_eq!(names(&doc, EntityKind::Organization), ["Quillo"]);
}

#[test]
fn infirmaries_cooperatives_and_halls_are_no_people() {
    let doc = Document::analyze(&format!(
        "{HEAD}Ferris Oduya was taken to Dunmore Royal Infirmary. Students packed the lobby of Tamsin Hall on Monday. The Brackwater Electric Cooperative said power was back."
    ));
    assert_eq!(names(&doc, EntityKind::Person), ["Ferris Oduya"]);
}

#[test]
fn plural_group_nouns_opening_a_sentence_are_no_people() {
    let doc = Document::analyze(&format!(
        "{HEAD}Opponents say the levy is too steep. Organizers said 300 people came. Wendell Sayers chairs the board. Sayers said the vote stands."
    ));
    assert_eq!(names(&doc, EntityKind::Person), ["Wendell Sayers"]);
}

#[test]
fn party_and_state_tags_are_not_organizations() {
    let doc = Document::analyze(&format!(
        "{HEAD}Senators Ana Ruiz (D-NM) and Carl Volk (R-OH) filed the bill with the Budget Office."
    ));
    assert_eq!(names(&doc, EntityKind::Person), ["Ana Ruiz", "Carl Volk"]);
    assert_eq!(names(&doc, EntityKind::Organization), ["Budget Office"]);
}

#[test]
fn a_role_noun_before_a_name_marks_a_person_for_later_pronouns() {
    let doc = Document::analyze(&format!(
        "{HEAD}President Lena Ostrova had backed the plan.\nOpposition politician Teodor Vasko, who brought the case, welcomed the ruling. He told reporters it was “a victory for the law”."
    ));
    assert_eq!(
        speaker(&doc, "victory for the law").as_deref(),
        Some("Teodor Vasko")
    );
}

#[test]
fn an_inverted_verb_finds_the_name_behind_titles_and_roles() {
    let doc = Document::analyze(&format!(
        "{HEAD}“Rates will stay high,” said Central Bank Governor Ines Moreau on Tuesday.\n“We disagree,” said opposition leader Tomas Berg.\n“It is fine,” said the company’s chief executive, Ana Lopes.\n“We regret it,” said the agency, which Lopes founded."
    ));
    assert_eq!(speaker(&doc, "Rates will").as_deref(), Some("Ines Moreau"));
    assert_eq!(speaker(&doc, "We disagree").as_deref(), Some("Tomas Berg"));
    assert_eq!(speaker(&doc, "It is fine").as_deref(), Some("Ana Lopes"));
    assert_eq!(
        speaker(&doc, "We regret"),
        None,
        "a name in a relative clause"
    );
}

#[test]
fn a_name_after_a_preposition_is_not_the_subject() {
    let doc = Document::analyze(&format!(
        "{HEAD}Senator Tomas Berg left early.\n“No comment,” a spokesman for Berg said."
    ));
    assert_eq!(speaker(&doc, "No comment"), None);
}

#[test]
fn generational_suffixes_end_a_name_without_being_its_surname() {
    let doc = Document::analyze(&format!(
        "{HEAD}King Harald VII opened the session with Senator Mark Ellison Jr. on Monday. Harald said the year was hard, and Ellison agreed."
    ));
    assert_eq!(
        names(&doc, EntityKind::Person),
        ["Harald VII", "Mark Ellison Jr."]
    );
    assert_eq!(mentions_of(&doc, "Harald VII"), ["Harald VII", "Harald"]);
    assert_eq!(
        mentions_of(&doc, "Mark Ellison Jr."),
        ["Mark Ellison Jr.", "Ellison"]
    );
}

#[test]
fn an_organization_joins_its_fuller_form_with_a_country_in_front() {
    let doc = Document::analyze(&format!(
        "{HEAD}The U.S. State Department said on Monday that the State Department would reply."
    ));
    assert_eq!(
        names(&doc, EntityKind::Organization),
        ["U.S. State Department"]
    );
    assert_eq!(mentions_of(&doc, "U.S. State Department").len(), 2);
}

#[test]
fn party_labels_before_names_are_qualifiers() {
    let doc = Document::analyze(&format!(
        "{HEAD}Democrat Sarah Mitchell and Republican James Porter debated.\nMitchell attacked first. “He never came here,” she said.\nPorter smiled. “That is false,” he said."
    ));
    assert_eq!(
        names(&doc, EntityKind::Person),
        ["James Porter", "Sarah Mitchell"]
    );
    assert_eq!(
        speaker(&doc, "never came").as_deref(),
        Some("Sarah Mitchell")
    );
    assert_eq!(
        speaker(&doc, "That is false").as_deref(),
        Some("James Porter")
    );
}

#[test]
fn a_long_subject_with_a_party_tag_before_the_verb() {
    let doc = Document::analyze(&format!(
        "{HEAD}President Ada Lowe signed the bill.\n“Tonight we can breathe,” Senate Majority Leader Carl Menz, D-N.Y., said on the floor."
    ));
    assert_eq!(speaker(&doc, "breathe").as_deref(), Some("Carl Menz"));
}

#[test]
fn an_honorific_does_not_stop_a_person_of_an_organization_from_splitting() {
    let doc = Document::analyze(&format!(
        "{HEAD}Dr Eoin Malley of Dublin City University said the timing was “very bad” for them."
    ));
    assert_eq!(names(&doc, EntityKind::Person), ["Eoin Malley"]);
    assert_eq!(
        names(&doc, EntityKind::Organization),
        ["Dublin City University"]
    );
    assert_eq!(speaker(&doc, "very bad").as_deref(), Some("Eoin Malley"));
}

#[test]
fn a_shared_surname_goes_to_the_story_subject() {
    let doc = Document::analyze(&format!(
        "{HEAD}Keeper Tomas Vidal has lit the lamp for years. Vidal says he will not stop.\nHis daughter, Lucia Vidal, worries. “He should rest,” she says.\nVidal calls the plan “a mistake.”"
    ));
    assert_eq!(speaker(&doc, "a mistake").as_deref(), Some("Tomas Vidal"));
    assert_eq!(mentions_of(&doc, "Lucia Vidal"), ["Lucia Vidal"]);
}

#[test]
fn an_age_marks_a_person_even_when_the_given_name_is_a_place() {
    let doc = Document::analyze(&format!(
        "{HEAD}Storms hit the coast.\nIn Alabama, Jordan Ellis, 34, said a tree fell on her roof. “I heard a crack,” Ellis said."
    ));
    assert_eq!(names(&doc, EntityKind::Person), ["Jordan Ellis"]);
    assert_eq!(names(&doc, EntityKind::Place), ["Alabama"]);
    assert_eq!(
        speaker(&doc, "heard a crack").as_deref(),
        Some("Jordan Ellis")
    );
}

#[test]
fn according_to_after_a_quote_names_its_speaker() {
    let doc = Document::analyze(&format!(
        "{HEAD}Mayor Ana Pires opened the park.\nThe project was “a gift to the city,” according to council member Rui Costa."
    ));
    assert_eq!(speaker(&doc, "a gift").as_deref(), Some("Rui Costa"));
}

#[test]
fn a_title_with_a_time_prefix_is_a_title() {
    assert_eq!(
        people(&format!(
            "{HEAD}The deal was signed by then-President Quorra Vesk and Ex-Minister Tavo Rusk."
        )),
        ["Quorra Vesk", "Tavo Rusk"]
    );
}

#[test]
fn according_to_a_document_leaves_the_sentence_to_name_the_speaker() {
    let doc = Document::analyze(&format!(
        "{HEAD}President Lin Mao met Premier Ota Ken.\nLin told Ota that both should “respect each other,” according to a readout from the ministry."
    ));
    assert_eq!(
        speaker(&doc, "respect each other").as_deref(),
        Some("Lin Mao")
    );
}

#[test]
fn surname_only_subject_is_a_person_with_all_mentions() {
    let doc = Document::analyze(&format!(
        "{HEAD}Okafor scored twice in the first half. \"We kept going,\" Okafor said. \
         The crowd cheered when Okafor came off, and said Okafor was the best on the pitch."
    ));
    assert_eq!(names(&doc, EntityKind::Person), ["Okafor"]);
    assert_eq!(mentions_of(&doc, "Okafor").len(), 4);
    assert_eq!(speaker(&doc, "kept going").as_deref(), Some("Okafor"));
}

#[test]
fn a_lone_word_that_heads_an_organization_is_not_a_person() {
    let doc = Document::analyze(&format!(
        "{HEAD}Brindlecorp Industries cut 300 jobs. Brindlecorp said the plant would close."
    ));
    assert!(names(&doc, EntityKind::Person).is_empty());
}

#[test]
fn initials_and_all_caps_names() {
    assert_eq!(
        people(&format!(
            "{HEAD}A.J. Moreno and T.J. Okoro trained on Monday. Coach FELIX ADEYEMI watched."
        )),
        ["A.J. Moreno", "FELIX ADEYEMI", "T.J. Okoro"]
    );
}

#[test]
fn a_common_given_name_alone_is_a_person_and_joins_its_full_name() {
    let doc = Document::analyze(&format!(
        "{HEAD}Marisol Vance opened the bakery in 2019. Since then, Marisol has hired six people."
    ));
    assert_eq!(names(&doc, EntityKind::Person), ["Marisol Vance"]);
    assert_eq!(
        mentions_of(&doc, "Marisol Vance"),
        ["Marisol Vance", "Marisol"]
    );
    // A name that is also a word ("Will") needs more than itself.
    assert!(people(&format!("{HEAD}Will the council agree? Nobody knows.")).is_empty());
}

#[test]
fn family_name_first_without_a_known_given_name() {
    assert_eq!(
        people(&format!("{HEAD}The prize went to Zhou Minqiang of Harbin.")),
        ["Zhou Minqiang"]
    );
}

#[test]
fn schools_agencies_charities_and_minister_of_x_are_not_people() {
    let found = people(&format!(
        "{HEAD}Fernhill Catholic beat its rivals. Water Services Canada said repairs would start. \
         The Ghana Red Cross said volunteers were ready. The Minister of Fisheries said nothing. \
         A man in a Bernie Sanders T-shirt waved at Lakeview Park."
    ));
    assert_eq!(found, ["Bernie Sanders"]);
}

#[test]
fn a_party_description_resolves_to_the_office_holder_named_before() {
    let doc = Document::analyze(&format!(
        "{HEAD}Senator Harriet Coyle of Ohio spoke first. \"We will not wait,\" the Ohio Democrat said."
    ));
    assert_eq!(names(&doc, EntityKind::Person), ["Harriet Coyle"]);
    assert_eq!(
        mentions_of(&doc, "Harriet Coyle"),
        ["Harriet Coyle", "the Ohio Democrat"]
    );
}

#[test]
fn gender_comes_from_the_birth_record_counts() {
    use byline::analysis::lexicon::{Gender, given_name, given_name_info};
    assert_eq!(given_name("Delwyn"), Some(Gender::Male));
    assert_eq!(given_name("Maelynn"), Some(Gender::Female));
    // A name given to boys and girls alike says neither.
    assert_eq!(given_name("Jordan"), Some(Gender::Unknown));
    let jordan = given_name_info("Jordan").expect("Jordan");
    assert!((20..=35).contains(&jordan.female));
}

#[test]
fn things_after_the_and_towns_after_to_are_not_people() {
    let doc = Document::analyze(&format!(
        "{HEAD}The Boston Harriers beat the Denver Kestrels. The line was extended to Harrison, \
         and the Harrison extension opened in May."
    ));
    assert!(names(&doc, EntityKind::Person).is_empty());
    assert!(names(&doc, EntityKind::Organization).contains(&"Denver Kestrels".to_string()));
}

#[test]
fn unnamed_speakers_are_no_one() {
    let doc = Document::analyze(&format!(
        "{HEAD}Mayor Lena Ortiz opened the hearing on the bridge.\n“We were never asked,” one resident said.\n“It is a done deal,” a city spokesman said.\n“We will appeal,” her office said.\n“This is a scandal,” Ortiz’s lawyer said."
    ));
    for quote in ["never asked", "done deal", "will appeal", "scandal"] {
        assert_eq!(speaker(&doc, quote), None, "{quote}");
    }
}

#[test]
fn a_pronoun_goes_to_the_person_the_passage_is_about() {
    let doc = Document::analyze(&format!(
        "{HEAD}Coach Dana Whitfield watched her team hold on in the final minute.\nWhitfield praised guard Maria Lopez and thanked Mayor Ruth Adler, who sat courtside.\n“We never stopped believing,” she said."
    ));
    assert_eq!(
        speaker(&doc, "never stopped").as_deref(),
        Some("Dana Whitfield")
    );
}

#[test]
fn a_pronoun_with_a_new_subject_in_between_is_not_the_last_speaker() {
    let doc = Document::analyze(&format!(
        "{HEAD}“The vote was fair,” said Senator Paul Brandt.\nFor his part, Governor Omar Haddad called for a recount on Friday.\nHe said the count “was rushed from the start.”"
    ));
    assert_eq!(speaker(&doc, "was rushed").as_deref(), Some("Omar Haddad"));
}

#[test]
fn every_quote_carries_its_rule_and_confidence() {
    use byline::model::Rule;
    let doc = Document::analyze(&format!(
        "{HEAD}“We are ready,” said Ada Okafor.\n“The plan holds,” the ministry said.\nThe weather was mild."
    ));
    let ready = &doc.quotes[0].attribution;
    assert_eq!(ready.rule, Rule::SaidName);
    assert!(ready.is_sure());
    assert_eq!(doc.slice(ready.cue.as_ref().unwrap()), "said Ada Okafor");
    let plan = &doc.quotes[1];
    assert_eq!(plan.speaker, None);
    assert_eq!(plan.attribution.rule, Rule::Group);
    let json = byline::output::export::to_json(&doc);
    assert!(json.contains("\"rule\": \"said-name\""), "{json}");
    assert!(json.contains("\"confidence\": 0.95"), "{json}");
}

fn place_coords(doc: &Document, name: &str) -> (f64, f64) {
    doc.entities
        .iter()
        .find(|e| e.kind == EntityKind::Place && e.name == name)
        .and_then(|e| e.coords)
        .unwrap_or_else(|| panic!("no place {name:?} with coordinates"))
}

#[test]
fn homonyms_follow_the_region_after_them_and_the_article() {
    let doc = Document::analyze(&format!(
        "{HEAD}The ferry left Portland, Maine, on Friday. Portland officials were pleased."
    ));
    let (lat, lon) = place_coords(&doc, "Portland");
    assert!(lat < 44.5 && lon > -71.0, "Portland in Maine: {lat} {lon}");
    assert_eq!(mentions_of(&doc, "Portland"), ["Portland", "Portland"]);

    let doc = Document::analyze(&format!("{HEAD}The festival in Portland drew crowds."));
    assert!(
        place_coords(&doc, "Portland").1 < -120.0,
        "Portland, Oregon by default"
    );

    let doc = Document::analyze(&format!(
        "{HEAD}Voters in Arizona and Georgia lined up early."
    ));
    assert!(place_coords(&doc, "Georgia (U.S.)").0 < 36.0);
    let doc = Document::analyze(&format!("{HEAD}Troops left Georgia for Armenia."));
    assert!(
        place_coords(&doc, "Georgia").1 > 40.0,
        "the country beside Armenia"
    );

    let doc = Document::analyze(&format!(
        "{HEAD}Ferries sail to Victoria, British Columbia, twice a day."
    ));
    assert!(
        place_coords(&doc, "Victoria").1 < -120.0,
        "Victoria in Canada"
    );
    let doc = Document::analyze(&format!("{HEAD}Melbourne is the capital of Victoria."));
    assert!(
        place_coords(&doc, "Victoria").0 < -30.0,
        "the Australian state"
    );
}

#[test]
fn datelines_in_capitals_name_their_town() {
    let doc = Document::analyze(&format!(
        "{HEAD}BANGOR, Maine — The council met on Tuesday.\n\nSKOWHEGAN — Officials said the road was closed."
    ));
    let found = names(&doc, EntityKind::Place);
    assert!(found.contains(&"Bangor".to_string()), "{found:?}");
    assert!(found.contains(&"Skowhegan".to_string()), "{found:?}");
    assert!(place_coords(&doc, "Bangor").0 > 44.0);
}

#[test]
fn a_listed_town_in_capitals_before_an_abbreviated_state_is_no_organization() {
    let doc = Document::analyze(&format!(
        "{HEAD}DULUTH, Minn. — A jury on Friday found the landlord guilty."
    ));
    assert_eq!(mentions_of(&doc, "Duluth"), ["DULUTH"]);
    assert!(
        names(&doc, EntityKind::Organization).is_empty(),
        "{:?}",
        names(&doc, EntityKind::Organization)
    );
}

#[test]
fn a_dateline_names_a_town_no_table_lists_in_any_case() {
    // Invented towns: "Calder" is a given name, which made the town a
    // person; "Granville" alone is a listed town inside the name.
    let doc = Document::analyze(&format!(
        "{HEAD}CALDER SPRINGS, Colo. (AP) — Crowds filled the fairground on Sunday.\n\n\
         Shops in Calder Springs, a town of 2,200, stayed open late. \
         Calder Springs High School closed early.\n\n\
         GRANVILLE FALLS, Ohio — A second story began here."
    ));
    assert!(
        names(&doc, EntityKind::Person).is_empty(),
        "{:?}",
        names(&doc, EntityKind::Person)
    );
    let found = names(&doc, EntityKind::Place);
    assert!(found.contains(&"Calder Springs".to_string()), "{found:?}");
    assert!(found.contains(&"Granville Falls".to_string()), "{found:?}");
    assert!(!found.contains(&"Granville".to_string()), "{found:?}");
    assert_eq!(
        mentions_of(&doc, "Calder Springs"),
        ["CALDER SPRINGS", "Calder Springs"],
        "the school's name is the school's"
    );
    // Without the dash after the region, capitals at a paragraph's start
    // are no dateline.
    let doc = Document::analyze(&format!(
        "{HEAD}MARTA OKWU, Colo. native, won the race on Sunday."
    ));
    assert!(!names(&doc, EntityKind::Place).contains(&"Marta Okwu".to_string()));
}

#[test]
fn a_place_is_named_as_the_article_names_it() {
    let found = places(&format!(
        "{HEAD}Ada Lowe cooked in New York and Boston, then came home to America in 2019."
    ));
    assert!(found.contains(&"New York".to_string()), "{found:?}");
    assert!(found.contains(&"America".to_string()), "{found:?}");
    assert!(!found.contains(&"New York City".to_string()), "{found:?}");
    // An abbreviation or a dateline in capitals is no name to show.
    let found = places(&format!(
        "{HEAD}SPOKANE, Wash. — The fair opened on Friday."
    ));
    assert!(
        !found.iter().any(|p| p == "Wash." || p == "SPOKANE"),
        "{found:?}"
    );
}

#[test]
fn team_names_are_organizations_not_their_city() {
    let doc = Document::analyze(&format!(
        "{HEAD}The Houston Rockets beat the Toronto Maple Leafs before Real Madrid fans."
    ));
    assert!(names(&doc, EntityKind::Place).is_empty());
    let orgs = names(&doc, EntityKind::Organization);
    for team in ["Houston Rockets", "Toronto Maple Leafs", "Real Madrid"] {
        assert!(orgs.contains(&team.to_string()), "{team} in {orgs:?}");
    }
}

#[test]
fn a_small_town_needs_a_word_that_places_it() {
    assert_eq!(
        places(&format!(
            "{HEAD}She grew up in Bridgton and later moved away."
        )),
        ["Bridgton"]
    );
    assert!(places(&format!("{HEAD}Hope said the plan was sound.")).is_empty());
}

#[test]
fn an_organization_named_after_a_country_leaves_the_country_its_mentions() {
    let doc = Document::analyze(&format!(
        "{HEAD}Water Services Canada said on Monday that it runs programs across Canada."
    ));
    assert_eq!(mentions_of(&doc, "Canada"), ["Canada"]);
    assert!(names(&doc, EntityKind::Organization).contains(&"Water Services Canada".to_string()));
}

#[test]
fn a_name_in_an_apposition_is_not_the_subject_of_said() {
    let doc = Document::analyze(&format!(
        "{HEAD}His mother, Jean Abara, 52, who lives in Leeds with her daughter Nkechi, said: “He was kind to everyone.”\nReacting to remarks by Senator Owen Pratt, the party’s leader said: “That is false.”"
    ));
    assert_eq!(
        speaker(&doc, "kind to everyone").as_deref(),
        Some("Jean Abara")
    );
    let false_quote = doc
        .quotes
        .iter()
        .find(|q| doc.slice(&q.span).contains("That is false"))
        .unwrap();
    assert!(
        !false_quote.attribution.is_sure(),
        "a name in a phrase is at most a guess"
    );
}

#[test]
fn the_title_of_one_person_names_that_person() {
    let doc = Document::analyze(&format!(
        "{HEAD}Judge Loretta Vance sentenced Paul Grimes on Monday.\n“You betrayed your clients,” the judge said.\n“We will appeal,” said the defense lawyer."
    ));
    assert_eq!(speaker(&doc, "betrayed").as_deref(), Some("Loretta Vance"));
    assert_eq!(speaker(&doc, "will appeal"), None);
}

#[test]
fn export_keeps_the_newlines_of_hard_wrapped_quotes() {
    let text = "Title line\n\n\"The bridge will open in the spring,\" said Mayor\nIrene Vasquez, who spoke to the council at its\nmeeting on the third floor of the town hall.\n\nThe council voted on the plan and it passed by\nsix votes to three after a long debate here.\n";
    let doc = Document::analyze(text);
    assert!(
        !doc.text.contains("Mayor\nIrene"),
        "the reader sees one line"
    );
    let json: serde_json::Value =
        serde_json::from_str(&byline::output::export::to_json(&doc)).unwrap();
    assert_eq!(json["text"].as_str(), Some(text));
    assert_eq!(speaker(&doc, "bridge").as_deref(), Some("Irene Vasquez"));
}

#[test]
fn a_quote_paragraph_after_an_attributed_quote_keeps_its_speaker() {
    let doc = Document::analyze(&format!(
        "{HEAD}Coach Marta Oyelowo spoke after the game.\n\n“We were slow in the first half,” Oyelowo said after the loss to the side of Ines Duarte.\n\n“The second half was better, and we will build on it.”\n\nThe team plays again on Sunday."
    ));
    assert_eq!(
        speaker(&doc, "second half").as_deref(),
        Some("Marta Oyelowo")
    );
}

#[test]
fn a_quote_opening_a_paragraph_is_the_next_sentence_subject() {
    let doc = Document::analyze(&format!(
        "{HEAD}“That was a hard loss,” said coach Tomas Berglund.\n\n“It was all on me. I missed the easy one.” Kofi Mensah, who scored twice, would not blame his teammates."
    ));
    assert_eq!(speaker(&doc, "all on me").as_deref(), Some("Kofi Mensah"));
}

#[test]
fn a_pronoun_after_a_run_of_quotes_is_the_last_speaker() {
    let doc = Document::analyze(&format!(
        "{HEAD}Senator Grace Whitlow spoke in the chamber on Monday. “The report is late,” Whitlow said.\n\n“It was promised for spring.\n\n“Then for summer.\n\n“Now for the autumn, if at all.”\n\nShe added: “We will keep asking until it comes.”"
    ));
    assert_eq!(
        speaker(&doc, "keep asking").as_deref(),
        Some("Grace Whitlow")
    );
}

#[test]
fn a_pronoun_goes_to_the_speaker_of_a_reported_clause_not_to_a_name_in_brackets() {
    let doc = Document::analyze(&format!(
        "{HEAD}After naming the victims, Robert Lindqvist and Daniel Ferreira, Inspector Tomas Huber said the case was closed. He also praised the work of the coroner (Martin Kowal).\n\n“We owe the families answers,” he said."
    ));
    assert_eq!(
        speaker(&doc, "families answers").as_deref(),
        Some("Tomas Huber")
    );
}

#[test]
fn a_definite_description_is_the_person_the_passage_is_about() {
    let doc = Document::analyze(&format!(
        "{HEAD}Rovers manager Ilse Brandauer praised her side after the draw.\n\n“We defended well for ninety minutes,” the former player said.\n\nThe club’s press office issued a note. “Tickets for the replay go on sale Monday,” the spokesman said."
    ));
    assert_eq!(
        speaker(&doc, "defended well").as_deref(),
        Some("Ilse Brandauer")
    );
    let d = doc
        .quotes
        .iter()
        .find(|q| doc.slice(&q.span).contains("defended"))
        .unwrap();
    assert!(
        !d.attribution.is_sure(),
        "a resolved description is a guess"
    );
    assert_eq!(speaker(&doc, "Tickets"), None);
}

#[test]
fn a_description_before_the_verb_outranks_a_name_further_back() {
    let doc = Document::analyze(&format!(
        "{HEAD}Deputy leader Nora Castellanos spoke out on Friday.\n\nAnswering the claims made by Peter Oakes, the party’s deputy leader said: “These claims must be investigated.”\n\nAsked about the row, a party spokesman said: “We will not comment.”"
    ));
    assert_eq!(
        speaker(&doc, "investigated").as_deref(),
        Some("Nora Castellanos")
    );
    assert_eq!(speaker(&doc, "not comment"), None);
}

#[test]
fn a_quote_ending_its_sentence_is_not_the_next_sentences_speaker() {
    let doc = Document::analyze(&format!(
        "{HEAD}Neighbours reacted online. Baker Ruth Hallam wrote: “A terrible day for the town.” Grocer Lewis Pryce, who has two shops nearby, posted: “We are all thinking of them.”"
    ));
    assert_eq!(
        speaker(&doc, "terrible day").as_deref(),
        Some("Ruth Hallam")
    );
    assert_eq!(
        speaker(&doc, "thinking of them").as_deref(),
        Some("Lewis Pryce")
    );
}

#[test]
fn a_pronoun_after_an_unnamed_subject_names_no_one() {
    let doc = Document::analyze(&format!(
        "{HEAD}Fire chief Owen Radley said the blaze was out by noon.\n\nA shelter volunteer said families had arrived overnight. “We have beds for everyone,” he said.\n\nRadley thanked the crews. “They were tireless,” he said."
    ));
    assert_eq!(speaker(&doc, "beds for everyone"), None);
    assert_eq!(speaker(&doc, "tireless").as_deref(), Some("Owen Radley"));
}

#[test]
fn an_abbreviated_title_after_a_quote_does_not_end_the_attribution() {
    let doc = Document::analyze(&format!(
        "{HEAD}Police found the car on Sunday.\n\n“We traced it through the plates,” 2nd Dep. Chief Maria Kowal explained at a news conference."
    ));
    assert_eq!(speaker(&doc, "traced it").as_deref(), Some("Maria Kowal"));
}

#[test]
fn an_unattributed_quote_in_a_paragraph_about_one_person_is_theirs() {
    let doc = Document::analyze(&format!(
        "{HEAD}Dean Harriet Oduya announced the grant, and Professor Lars Eng will lead the work.\n\nPriya Nandakumar, a first-year student, will join the team in June. Asked about the cold, she smiled. “I packed three coats.”"
    ));
    assert_eq!(
        speaker(&doc, "three coats").as_deref(),
        Some("Priya Nandakumar")
    );
}

#[test]
fn features_are_places_by_the_kind_of_place_they_name() {
    let found = places(&format!(
        "{HEAD}Canoes left the Tamsin River for Lake Chad, then rounded Mount Orvel. \
         Fans met on Quillon Street outside Brackley Stadium."
    ));
    for want in [
        "Tamsin River",
        "Lake Chad",
        "Mount Orvel",
        "Quillon Street",
        "Brackley Stadium",
    ] {
        assert!(found.contains(&want.to_string()), "{want} in {found:?}");
    }
    assert!(
        !found.contains(&"Chad".to_string()),
        "the lake is not the country: {found:?}"
    );
}

#[test]
fn a_feature_word_after_a_given_name_is_a_person_unless_placed() {
    let doc = Document::analyze(&format!(
        "{HEAD}Grace Park said the vote was close. Later the crowd moved to the Ellen Park."
    ));
    assert_eq!(names(&doc, EntityKind::Person), ["Grace Park"]);
    assert_eq!(names(&doc, EntityKind::Place), ["Ellen Park"]);
}

#[test]
fn settlements_a_sentence_defines_are_places_with_every_mention() {
    let found = places(&format!(
        "{HEAD}Wexbury is a small village in the hills. The mill stood in the hamlet of \
         Orrington. Wexbury and Orrington share a church."
    ));
    let mut found = found;
    found.sort();
    assert_eq!(found, ["Orrington", "Wexbury"]);
    let doc = Document::analyze(&format!(
        "{HEAD}Wexbury is a small village in the hills. Wexbury and Orrington share a church."
    ));
    assert_eq!(mentions_of(&doc, "Wexbury").len(), 2);
}

#[test]
fn a_feature_inside_an_organization_is_no_place() {
    let doc = Document::analyze(&format!(
        "{HEAD}Doctors at Mount Tarrow Hospital and the Lune River Authority agreed."
    ));
    assert!(names(&doc, EntityKind::Place).is_empty());
}

#[test]
fn a_one_word_name_the_text_places_is_a_place_not_a_person() {
    let doc = Document::analyze(&format!(
        "{HEAD}The branch line opened a depot in Harrison in 1898. Harrison had a small station \
         and trains ran from Harrison twice a day."
    ));
    assert!(names(&doc, EntityKind::Person).is_empty());
    assert_eq!(mentions_of(&doc, "Harrison").len(), 3);
    assert_eq!(names(&doc, EntityKind::Place), ["Harrison"]);
}

#[test]
fn a_given_name_after_to_or_a_possessive_stays_a_person() {
    let doc = Document::analyze(&format!(
        "{HEAD}The ball came to Warren, who scored. Warren said the team played well. \
         Later Ben said the gift in Ben's room was a surprise."
    ));
    let people = names(&doc, EntityKind::Person);
    assert!(people.contains(&"Warren".to_string()), "{people:?}");
    assert!(people.contains(&"Ben".to_string()), "{people:?}");
}

#[test]
fn a_direction_before_a_region_is_part_of_its_name() {
    let doc = Document::analyze(&format!(
        "{HEAD}Fires spread across Southern California and Old Goa flooded."
    ));
    assert_eq!(
        mentions_of(&doc, "California"),
        ["Southern California"],
        "the entity stays the state"
    );
}

#[test]
fn an_unlisted_town_before_its_country_is_a_place() {
    let found = places(&format!(
        "{HEAD}The squadron moved to Wendlebury, England, in May and to Harrowgate Hollow, Oregon."
    ));
    assert!(found.contains(&"Wendlebury".to_string()), "{found:?}");
    assert!(
        found.contains(&"Harrowgate Hollow".to_string()),
        "{found:?}"
    );
    let doc = Document::analyze(&format!(
        "{HEAD}Said Jane Whitcombe, Texas Republican, at the hearing."
    ));
    assert!(!names(&doc, EntityKind::Place).contains(&"Jane Whitcombe".to_string()));
}

#[test]
fn a_name_listed_beside_a_person_is_a_person() {
    let found = people(&format!(
        "{HEAD}Guests included Ada Lowe, Teofil Marskowicz and Ines Obi at the hall."
    ));
    assert!(
        found.contains(&"Teofil Marskowicz".to_string()),
        "{found:?}"
    );
    let found = people(&format!(
        "{HEAD}Ada Lowe, Commons Leader and South Shields were named in the report."
    ));
    assert_eq!(found, ["Ada Lowe"], "titles and places are no names");
}

#[test]
fn heads_name_features_with_of_and_camps() {
    let found = places(&format!(
        "{HEAD}Ships crossed the Gulf of Tessaly before the troops reached Camp Orlow."
    ));
    for want in ["Gulf of Tessaly", "Camp Orlow"] {
        assert!(found.contains(&want.to_string()), "{want} in {found:?}");
    }
}

#[test]
fn a_district_is_a_body_more_often_than_a_place() {
    assert!(
        places(&format!(
            "{HEAD}The Wexley Highway District approved the budget on Monday, officials said."
        ))
        .is_empty()
    );
}

#[test]
fn a_name_of_several_words_placed_by_its_region_is_no_person() {
    let text = "Fair opens\n\nThe harvest fair at the Grand Hotel Santa Clara drew crowds, \
                organizers said. It was held in Santa Clara, California, where growers met.\n";
    assert!(people(text).is_empty(), "{:?}", people(text));
    assert!(places(text).contains(&"Santa Clara".to_string()));
}

#[test]
fn a_town_before_railway_station_names_the_station() {
    let text = "Old lines\n\nTarvel railway station was closed in 1932, and trains now stop \
                at the Oskan bus station, Ada Lowe's station report said.\n";
    let found = places(text);
    assert!(
        found.contains(&"Tarvel railway station".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"Oskan bus station".to_string()),
        "{found:?}"
    );
    assert!(!found.iter().any(|p| p.contains("Lowe")), "{found:?}");
}

#[test]
fn a_place_in_the_title_of_a_work_is_no_mention_of_it() {
    let text = "Band news\n\nThe band played \"Storms in Chicago\" and the album Live At \
                Boston, then flew to Denver, Ada Lowe said. \"We loved Chicago,\" she said. \
                They toured the town \"Oskan Falls\" next.\n";
    let doc = Document::analyze(text);
    assert_eq!(
        mentions_of(&doc, "Chicago"),
        ["Chicago"],
        "the speech's, not the song's"
    );
    let found = places(text);
    assert!(!found.contains(&"Boston".to_string()), "{found:?}");
    assert!(found.contains(&"Denver".to_string()), "{found:?}");
    assert!(found.contains(&"Oskan Falls".to_string()), "{found:?}");
}

#[test]
fn a_city_that_names_a_team_opens_a_sentence_as_the_team() {
    let text = "Season review\n\nThe Wooster Hawks play their home games in Wooster, Ohio. \
                Wooster finished the season 9-2, coach Ada Lowe said.\n";
    let doc = Document::analyze(text);
    assert_eq!(
        mentions_of(&doc, "Wooster"),
        ["Wooster"],
        "the town's, not the team's"
    );
}

#[test]
fn a_place_before_a_word_that_only_looks_like_a_town_is_in_a_longer_name() {
    // "Liberty" is a town's name too, but nothing here makes it one.
    let text = "Parade day\n\nCrowds cheered the Norway Liberty Parade in Oslo, Ada Lowe said.\n";
    assert_eq!(places(text), ["Oslo"]);
    let subject = "Trip\n\nPierre Dulac was tired, he said. On reaching Moscow Pierre did not let anyone know.\n";
    assert_eq!(places(subject), ["Moscow"], "a given name opens the clause");
}

#[test]
fn an_organization_named_without_its_last_word_is_still_the_organization() {
    let text = "College news\n\nClasses at Wooster State University began in 1901. Wooster \
                State was founded by farmers near Wooster, Ada Lowe said. The Kansas City \
                Hospital sent nurses, and they were taken to Kansas City by train.\n";
    let doc = Document::analyze(text);
    assert_eq!(
        mentions_of(&doc, "Wooster State University"),
        ["Wooster State University", "Wooster State"]
    );
    assert_eq!(
        mentions_of(&doc, "Wooster"),
        ["Wooster"],
        "the town only near it"
    );
    assert_eq!(
        mentions_of(&doc, "Kansas City"),
        ["Kansas City"],
        "a place's whole name stays"
    );
}

#[test]
fn a_city_after_a_players_for_or_with_is_the_club() {
    let text = "Sports\n\nAda Lowe was born in Leeds. She played for Leeds and signed with \
                Bristol in 2001, then played for Nigeria's under-20 team.\n";
    let doc = Document::analyze(text);
    assert_eq!(mentions_of(&doc, "Leeds"), ["Leeds"], "the birthplace only");
    assert_eq!(names(&doc, EntityKind::Place), ["Leeds", "Nigeria"]);
}

#[test]
fn a_name_with_a_lowercase_kind_of_feature_is_one_place() {
    let text = "River trip\n\nBoats sailed up the Tarvel river toward the Oskan islands, \
                a guide said. The Greek islands were calm that week.\n";
    let found = places(text);
    assert!(found.contains(&"Tarvel river".to_string()), "{found:?}");
    assert!(found.contains(&"Oskan islands".to_string()), "{found:?}");
    assert!(!found.iter().any(|p| p.contains("Greek")), "{found:?}");
}

#[test]
fn a_railway_is_its_line_and_one_named_for_two_towns_is_one_place() {
    let text = "Old lines\n\nFreight ran on the Bangor and Tarvel Railroad until 1950, and \
                tourists now ride the Oskan Valley Railway. The Tarvel Railway Company sold \
                its engines, Ada Lowe said.\n";
    let found = places(text);
    assert!(
        found.contains(&"Bangor and Tarvel Railroad".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"Oskan Valley Railway".to_string()),
        "{found:?}"
    );
    assert!(!found.contains(&"Bangor".to_string()), "{found:?}");
    assert!(!found.iter().any(|p| p.contains("Company")), "{found:?}");
}

#[test]
fn a_river_railway_or_rock_formation_named_in_full_is_named_by_the_rest_after_the() {
    let text = "Mill news\n\nThe Tarvel Railroad runs along the Oskan River. The Tarvel train \
                stopped when the Oskan flooded, and the Tarvel Lumber yard closed. Tarvel \
                stayed calm, Ada Lowe said.\n";
    let doc = Document::analyze(text);
    assert_eq!(
        mentions_of(&doc, "Tarvel Railroad"),
        ["Tarvel Railroad", "Tarvel"],
        "the train's, not the yard's nor the bare word's"
    );
    assert_eq!(mentions_of(&doc, "Oskan River"), ["Oskan River", "Oskan"]);
    let rock = "Oil news\n\nWells reach the Tarvel Formation, and the Tarvel holds the oil.\n";
    let doc = Document::analyze(rock);
    assert_eq!(
        mentions_of(&doc, "Tarvel Formation"),
        ["Tarvel Formation", "Tarvel"]
    );
}

#[test]
fn initials_with_an_ampersand_and_a_final_r_are_a_railway_where_the_text_names_railways() {
    let railway = "Old lines\n\nFreight ran on the Oskan Valley Railroad until B&TR trains \
                   took it, Ada Lowe said. The B&TR closed in 1950.\n";
    let doc = Document::analyze(railway);
    assert_eq!(mentions_of(&doc, "B&TR"), ["B&TR", "B&TR"]);
    let firm = "Plant news\n\nWorkers at B&TR built pumps, Ada Lowe said. The B&TR plant closed.\n";
    assert!(
        !places(firm).iter().any(|p| p.contains('&')),
        "{:?}",
        places(firm)
    );
}

#[test]
fn a_division_of_any_country_is_a_place_where_the_text_places_it() {
    let text = "Farm news\n\nVines grow in the Landes region, and cattle graze in \
                Pangasinan, Ada Lowe said. The Capital of the league won.\n";
    let found = places(text);
    assert!(found.contains(&"Landes".to_string()), "{found:?}");
    assert!(found.contains(&"Pangasinan".to_string()), "{found:?}");
    assert!(!found.iter().any(|p| p.contains("Capital")), "{found:?}");
}

#[test]
fn a_lone_unknown_name_that_a_word_of_place_opens_is_a_place() {
    let text = "Mill news\n\nThe mill stood in Marsk, near Tolvo and the sea, until a \
                depot at Kestrow, on the coast, took its trade. Ada Lowe, who had studied in Marketing \
                and taught marketing, found work at GrainWorks and wrote on faith in \
                Buddhism. Marsk kept its name. Her son later moved to Velmoor.\n";
    let found = places(text);
    for place in ["Marsk", "Tolvo", "Kestrow", "Velmoor"] {
        assert!(found.contains(&place.to_string()), "{place}: {found:?}");
    }
    for word in ["Marketing", "GrainWorks", "Buddhism"] {
        assert!(!found.contains(&word.to_string()), "{word}: {found:?}");
    }
    let doc = Document::analyze(text);
    assert_eq!(mentions_of(&doc, "Marsk").len(), 2, "its other mention too");
}

#[test]
fn a_language_after_in_is_no_town_of_its_name() {
    let found = places("Class notes\n\nThe school in Truro taught in English, a teacher said.\n");
    assert!(found.contains(&"Truro".to_string()), "{found:?}");
    assert!(!found.contains(&"English".to_string()), "{found:?}");
}

#[test]
fn a_place_named_for_a_person_is_no_mention_of_the_person() {
    let text = "Park news\n\nThe lighted Ada Lowe Playfield reopened in June. It was named \
                after Ada Lowe, a former county auditor, in 1980.\n";
    let doc = Document::analyze(text);
    assert_eq!(mentions_of(&doc, "Ada Lowe"), ["Ada Lowe"]);
    let found = names(&doc, EntityKind::Place);
    assert!(
        found.contains(&"Ada Lowe Playfield".to_string()),
        "{found:?}"
    );
}

#[test]
fn a_given_name_before_a_feature_word_that_is_no_surname_names_a_place() {
    let text = "Flood news\n\nSandy Creek flooded after the storm, Grace Park said.\n";
    let found = places(text);
    assert!(found.contains(&"Sandy Creek".to_string()), "{found:?}");
    assert!(people(text).contains(&"Grace Park".to_string()));
}

#[test]
fn a_preposition_inside_a_title_in_capitals_places_nothing() {
    let text = "Band tours\n\nThe band 30 Seconds to Venus played two nights, its manager \
                said. 30 Seconds to Venus began in a garage. Buses ran from Marlowby to \
                Okehampton for the fans.\n";
    let found = places(text);
    assert!(!found.contains(&"Venus".to_string()), "{found:?}");
    // A route from an unknown town still places the town it leads to.
    assert!(found.contains(&"Okehampton".to_string()), "{found:?}");
}

#[test]
fn a_preposition_places_every_name_of_the_list_it_heads() {
    let text = "Rail news\n\nThe new line runs to Marlowby and Okehampton, officials said.\n";
    assert!(
        places(text).contains(&"Okehampton".to_string()),
        "{:?}",
        places(text)
    );
}

#[test]
fn the_seat_of_a_legislator_is_a_place() {
    let text = "Vote\n\nDana Corrigan, the MP for Bideford, voted against the bill on \
                Tuesday, aides said.\n";
    assert!(
        places(text).contains(&"Bideford".to_string()),
        "{:?}",
        places(text)
    );
}

#[test]
fn two_directions_share_the_place_after_them() {
    let doc = Document::analyze(
        "Trade\n\nExports to Central and Eastern Europe fell last year, the ministry said.\n",
    );
    let place = doc
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Place)
        .expect("a place");
    let written: Vec<&str> = place.mentions.iter().map(|m| doc.slice(&m.span)).collect();
    assert_eq!(written, ["Central and Eastern Europe"]);
    assert_eq!(names(&doc, EntityKind::Place).len(), 1);
}

/// A capitalized plural at a sentence start whose singular the text also
/// writes in lowercase is a group of people, not a surname; a surname in
/// the same slot stays a person.
#[test]
fn plural_nouns_at_a_sentence_start_are_not_people() {
    let text = "Verdict in the Orrin case\n\n\
        The prosecutor, Nadia Fenwick, rested on Tuesday.\n\n\
        Prosecutors say the fire was set for the insurance money. \
        An analyst at the firm disagreed.\n\n\
        Analysts said the shares would recover. Halvorsen said he agreed.\n";
    let found = people(text);
    assert!(found.iter().any(|p| p == "Nadia Fenwick"), "{found:?}");
    assert!(found.iter().any(|p| p == "Halvorsen"), "{found:?}");
    assert!(
        !found.iter().any(|p| p == "Prosecutors" || p == "Analysts"),
        "{found:?}"
    );
}

/// A company named by a trade word ("Foods", "Robotics") is an
/// organization, and its first word alone later is the company, not a
/// surname.
#[test]
fn a_company_and_its_short_name_are_not_people() {
    let text = "Quarterly results\n\n\
        Pellmore Foods fell 9% on Thursday. Pellmore said it expects \
        lower sales. \"Not a surprise,\" said Irene Vasquez, an analyst.\n\n\
        Tamberly Robotics said in a statement that Tamberly would hire.\n";
    let doc = Document::analyze(text);
    let found = names(&doc, EntityKind::Person);
    assert_eq!(found, ["Irene Vasquez"], "{found:?}");
    let orgs = names(&doc, EntityKind::Organization);
    assert!(orgs.iter().any(|o| o == "Pellmore Foods"), "{orgs:?}");
    assert!(orgs.iter().any(|o| o == "Tamberly Robotics"), "{orgs:?}");
}

/// Wire copy's residence ("Ada Lowe, 27, of Kettering,") and a town's own
/// police or residents ("Dayton police") place a town, even one whose
/// name is also a given name.
#[test]
fn residence_and_local_bodies_place_a_town() {
    let text = "Robbery arrest\n\n\
        Dayton police arrested a man on Tuesday. Osric Fell, 27, of \
        Kettering, was charged.\n";
    let found = places(text);
    assert!(found.iter().any(|p| p == "Dayton"), "{found:?}");
    assert!(found.iter().any(|p| p == "Kettering"), "{found:?}");
    assert_eq!(people(text), ["Osric Fell"]);
}

/// Datelines in capitals keep the period of "ST.", "FT.", "MT.": the
/// place is one name, not two organizations.
#[test]
fn capital_datelines_with_saint_and_fort() {
    for (line, place) in [
        ("ST. PAUL — The team practiced on Monday.", "St. Paul"),
        (
            "FT. LAUDERDALE, Fla. — A storm hit the coast.",
            "Fort Lauderdale",
        ),
    ] {
        let text = format!("Title\n\n{line}\n");
        let doc = Document::analyze(&text);
        assert!(
            names(&doc, EntityKind::Place).iter().any(|p| p == place),
            "{line}"
        );
        assert!(names(&doc, EntityKind::Organization).is_empty(), "{line}");
    }
}

/// A journey's end after "bound for", "left for" is a place.
#[test]
fn bound_for_places_a_town() {
    let text = "At sea\n\nThe freighter, bound for Savannah, changed course. \
        Its mate later left for Lagos.\n";
    let found = places(text);
    assert!(found.iter().any(|p| p == "Savannah"), "{found:?}");
    assert!(found.iter().any(|p| p == "Lagos"), "{found:?}");
}

#[test]
fn a_lone_given_name_that_only_places_name_twice_is_the_town() {
    let text = "Rail history\n\nThe line was extended to Tyler in 1901, records show. Two \
                trains a day ran from Tyler to the coast. The first train left Tyler at 5:15 \
                AM.\n";
    assert!(
        places(text).contains(&"Tyler".to_string()),
        "{:?}",
        places(text)
    );
    assert!(people(text).is_empty(), "{:?}", people(text));
    // Once is not enough for a name people are called by.
    let once = "Keys\n\nTyler said the rent was paid. The landlord handed the keys to \
                Tyler on Monday, neighbors said.\n";
    assert_eq!(people(once), ["Tyler"]);
}

#[test]
fn a_town_named_like_a_person_is_the_town_after_born_in() {
    let text = "Signing\n\nThe striker was born in Luis Gomes and debuted at 17, his club said.\n";
    assert!(people(text).is_empty(), "{:?}", people(text));
    assert_eq!(places(text).len(), 1, "{:?}", places(text));
}

#[test]
fn a_name_after_a_comma_that_a_verb_follows_is_no_item_of_the_list() {
    let text = "Transfer\n\nAfter spells in Barnstaple and Truro, Tiverton scored 20 goals in \
                his first season. Buses run to Bideford, Okehampton or Penzance.\n";
    let found = places(text);
    assert!(!found.contains(&"Tiverton".to_string()), "{found:?}");
    for town in ["Barnstaple", "Truro", "Bideford", "Okehampton", "Penzance"] {
        assert!(found.contains(&town.to_string()), "{town}: {found:?}");
    }
}

#[test]
fn a_surname_the_text_calls_a_town_is_the_town_where_it_stands_alone() {
    let doc = Document::analyze(
        "Shop\n\nMarta Penzance opened the shop in 1990. Penzance said trade was slow at \
         first. The shop stands in the town of Penzance, near the harbor, and tourists \
         flock to Penzance each summer.\n",
    );
    assert_eq!(
        mentions_of(&doc, "Marta Penzance"),
        ["Marta Penzance", "Penzance"]
    );
    assert_eq!(names(&doc, EntityKind::Place), ["Penzance"]);
    assert_eq!(mentions_of(&doc, "Penzance").len(), 2);
}

#[test]
fn a_city_followed_by_a_score_is_its_team() {
    let text = "Game\n\nOkehampton lost to Bideford 3-1 on Saturday in Bideford, and Truro beat \
                Penzance 2–0. The team flew to Barnstaple 10-12 days later.\n";
    let doc = Document::analyze(text);
    assert_eq!(mentions_of(&doc, "Bideford"), ["Bideford"]);
    let found = places(text);
    assert!(!found.contains(&"Penzance".to_string()), "{found:?}");
    // A range counts days, it is no score.
    assert!(found.contains(&"Barnstaple".to_string()), "{found:?}");
}

#[test]
fn the_town_after_a_street_and_a_comma_is_a_place() {
    let text = "Fire\n\nThe fire broke out at a house on Fore Street, Okehampton, on Monday, and \
                a shop on Mill Rd., Bideford, was closed.\n";
    let found = places(text);
    assert!(found.contains(&"Okehampton".to_string()), "{found:?}");
    assert!(found.contains(&"Bideford".to_string()), "{found:?}");
}

#[test]
fn a_place_name_after_an_honorific_is_no_mention_of_the_place() {
    let doc = Document::analyze(
        "Cup\n\nThe club won the title. Lord Bideford announced that his cup would go to \
         the best team. The final was played in Bideford.\n",
    );
    assert_eq!(mentions_of(&doc, "Bideford"), ["Bideford"]);
    let place = doc.entities.iter().find(|e| e.name == "Bideford").unwrap();
    assert_eq!(place.kind, EntityKind::Place);
    assert!(place.mentions[0].span.start > doc.text.find("played").unwrap());
}

/// Developers, builders and review journals named by their trade word are
/// organizations, and their statements are no one's quotes.
#[test]
fn developers_and_review_journals_are_organizations() {
    let text = "Zoning vote\n\n\
        \"We are grateful to the council,\" Quayside Point Development said in a statement. \
        Marrow Books Reviews called the novel \"a quiet triumph.\"\n";
    let doc = Document::analyze(text);
    let found = names(&doc, EntityKind::Person);
    assert!(found.is_empty(), "{found:?}");
    assert_eq!(speaker(&doc, "grateful"), None);
}

#[test]
fn transit_agencies_and_utilities_are_not_people() {
    let found = people(
        "Buses Replace Trains\n\nRiders will take shuttle buses for six more weeks after Lakeside Transit said Thursday that repairs had slipped. Northern Gas & Electric said crews had restored power. “We are sorry,” said spokeswoman Dana Pruitt.\n",
    );
    assert_eq!(found, ["Dana Pruitt"]);
}

#[test]
fn a_language_is_neither_a_person_nor_a_place() {
    let d = Document::analyze(
        "A Bakery Opens\n\n“We sold these from a cart,” Wu Lan said in Mandarin, through her nephew, Daniel Wu, who translated. Later she said something in Cantonese to the cook.\n",
    );
    let mut people = names(&d, EntityKind::Person);
    people.sort();
    assert_eq!(people, ["Daniel Wu", "Wu Lan"]);
    assert!(
        names(&d, EntityKind::Place).is_empty(),
        "{:?}",
        names(&d, EntityKind::Place)
    );
}

#[test]
fn a_shop_named_after_a_town_is_a_business_not_the_town() {
    let d = Document::analyze(
        "New Shop\n\nThe pastries, sold at Golden Finch Bakery on Elm Street, run out by noon. Across town, the Camden Diner opened at six.\n",
    );
    let places = names(&d, EntityKind::Place);
    assert!(
        !places.iter().any(|p| p == "Golden" || p == "Camden"),
        "{places:?}"
    );
    let orgs = names(&d, EntityKind::Organization);
    assert!(orgs.iter().any(|o| o == "Golden Finch Bakery"), "{orgs:?}");
}
