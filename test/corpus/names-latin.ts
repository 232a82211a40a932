/** CRM-like names, companies and cities of languages written in the Latin script, for the encoding corpus (encoding-corpus.ts). */
import type { Locale } from './locale.ts';

export const LATIN: Record<string, Locale> = {
  fr: {
    first: ['Amélie', 'Hélène', 'François', 'Jérôme', 'Zoé', 'Noël', 'Gaëlle', 'Céline', 'Benoît', 'Loïc', 'Agnès', 'Renée', 'Thérèse', 'Léa', 'Clément', 'Frédéric', 'Josée', 'Aurélien'],
    last: ['Dupré', 'Lefèvre', 'Bécaud', 'Garçon', 'Lemaître', 'Chênevert', 'Fournier', 'Bérubé', 'Côté', 'Gagné', 'Desrosières', 'Mercier', 'Hébert', 'Thibodeau', 'Pâquet', 'Lévêque'],
    company: ['{last} & Fils', 'Société Générale des Eaux', 'Boulangerie {last}', 'Crédit Mutuel', 'Électricité {last}', 'Hôtel du Château', 'Café de la Gare', 'Sécurité Privée {last}'],
    city: ['Besançon', 'Orléans', 'Nîmes', 'Évry', 'Québec', 'Montréal', 'Saint-Étienne', 'Angoulême', 'Béziers', 'Paris'],
  },
  'fr-oe': {
    first: ['Œdipe', 'Chloé', 'Cœlestine', 'Maëlle', 'Éloïse', 'Stéphane', 'Géraldine', 'Noémie'],
    last: ['Sœur', 'Lœuvre', 'Cœurdevey', 'Bœuf', 'Mérimée', 'Vœlckel', 'Ollivier', 'Ménard'],
    company: ['Œuvres {last}', 'Les Bœufs du Pré', 'Cœur de Lyon SA', 'Crêperie {last}'],
    city: ['Saint-Œillet', 'Orléans', 'Bœrsch', 'Fécamp', 'Éragny', 'Cœuvres'],
  },
  de: {
    first: ['Jürgen', 'Jörg', 'Günther', 'Bärbel', 'Björn', 'Uwe', 'Käthe', 'Sören', 'Gisela', 'Hans', 'Dörte', 'Mareike', 'Ömer', 'Lukas'],
    last: ['Müller', 'Schröder', 'Schäfer', 'Köhler', 'Weiß', 'Groß', 'Böhm', 'Krüger', 'Löffler', 'Fuchs', 'Hoffmann', 'Maßmann', 'Jäger', 'Strauß'],
    company: ['{last} GmbH', 'Bäckerei {last}', 'Müller & Söhne KG', 'Stadtwerke Lüneburg', 'Gärtnerei {last}', 'Autohaus {last} AG'],
    city: ['München', 'Köln', 'Düsseldorf', 'Nürnberg', 'Lübeck', 'Würzburg', 'Göttingen', 'Zürich', 'Saarbrücken', 'Berlin'],
  },
  es: {
    first: ['José', 'María', 'Jesús', 'Íñigo', 'Begoña', 'Sofía', 'Raúl', 'Andrés', 'Lucía', 'Ramón', 'Inés', 'Nuria', 'Álvaro', 'Óscar'],
    last: ['Muñoz', 'Peña', 'Ibáñez', 'Núñez', 'Gómez', 'Martínez', 'Sánchez', 'López', 'Pérez', 'Rodríguez', 'Domínguez', 'Castaño', 'Ordóñez', 'Garcés'],
    company: ['{last} y Asociados', 'Panadería {last}', 'Construcciones {last} S.L.', 'Clínica Dental Sonrisa', 'Logística Ibérica', 'Café Señorial'],
    city: ['Málaga', 'Córdoba', 'León', 'Cádiz', 'Logroño', 'A Coruña', 'Ávila', 'Bogotá', 'Medellín', 'Madrid'],
  },
  pt: {
    first: ['João', 'Conceição', 'Sebastião', 'Luís', 'Inês', 'Vitória', 'Tomás', 'Gonçalo', 'Mônica', 'Flávia', 'Antônio', 'Márcia'],
    last: ['Gonçalves', 'Magalhães', 'Simões', 'Guimarães', 'Araújo', 'Conceição', 'Brandão', 'Falcão', 'Assunção', 'Romão', 'Estêvão', 'Lopes'],
    company: ['{last} & Irmãos Lda', 'Padaria Pão Quente', 'Construções {last}', 'Farmácia São João', 'Comércio {last} Ltda'],
    city: ['São Paulo', 'Belém', 'Maceió', 'Goiânia', 'Florianópolis', 'Guimarães', 'Évora', 'Braga', 'Lisboa'],
  },
  sv: {
    first: ['Åsa', 'Björn', 'Göran', 'Märta', 'Sören', 'Ingrid', 'Håkan', 'Östen', 'Agneta', 'Linnéa', 'Måns', 'Karin'],
    last: ['Åberg', 'Lindström', 'Öberg', 'Sjöström', 'Ångström', 'Bäckström', 'Söderberg', 'Nyström', 'Håkansson', 'Eriksson'],
    company: ['{last} AB', 'Bröderna {last}', 'Göteborgs Bygg', 'Ärlig Städ AB', 'Fiskhandel {last}'],
    city: ['Göteborg', 'Malmö', 'Västerås', 'Örebro', 'Linköping', 'Jönköping', 'Umeå', 'Norrköping', 'Stockholm'],
  },
  is: {
    first: ['Þórður', 'Guðrún', 'Sigríður', 'Björk', 'Ásgeir', 'Eiður', 'Þóra', 'Davíð', 'Ragnhildur', 'Hjördís', 'Óðinn', 'Íris'],
    last: ['Jónsdóttir', 'Sigurðsson', 'Guðmundsson', 'Þórsdóttir', 'Einarsdóttir', 'Magnússon', 'Ólafsson', 'Björnsdóttir', 'Árnason', 'Hjálmarsson'],
    company: ['{last} ehf.', 'Íslandsbanki', 'Fiskvinnslan Þór', 'Bílaleiga Akureyrar', 'Sjóvá hf.'],
    city: ['Reykjavík', 'Akureyri', 'Hafnarfjörður', 'Kópavogur', 'Ísafjörður', 'Selfoss', 'Húsavík', 'Egilsstaðir'],
  },
  fi: {
    first: ['Jääskeläinen', 'Päivi', 'Jyrki', 'Sääde', 'Tuomas', 'Mäiju', 'Šarlota', 'Väinö', 'Äijä', 'Kaarina', 'Annikki'],
    last: ['Mäkinen', 'Häkkinen', 'Pöllänen', 'Räikkönen', 'Lähteenmäki', 'Šalin', 'Nieminen', 'Hämäläinen', 'Kärkkäinen', 'Žukov'],
    company: ['{last} Oy', 'Kauppahalli Länsi', 'Sähkö {last} Oy', 'Rakennus Pöyry', 'Ravintola Järvi'],
    city: ['Jyväskylä', 'Hämeenlinna', 'Seinäjoki', 'Mäntsälä', 'Pieksämäki', 'Espoo', 'Tampere', 'Helsinki'],
  },
  et: {
    first: ['Tõnu', 'Jüri', 'Mäido', 'Õie', 'Küllike', 'Šamil', 'Ülle', 'Toomas', 'Pärtel', 'Merike'],
    last: ['Tamm', 'Sepp', 'Kõiv', 'Mägi', 'Põder', 'Pärn', 'Kübar', 'Žemaitis', 'Õunapuu', 'Rätsep'],
    company: ['{last} OÜ', 'Pärnu Kütus AS', 'Tõrva Pagar', 'Põllutööriistad OÜ'],
    city: ['Tallinn', 'Pärnu', 'Tõrva', 'Võru', 'Jõhvi', 'Põlva', 'Türi', 'Kärdla'],
  },
  pl: {
    first: ['Łukasz', 'Małgorzata', 'Wojciech', 'Bożena', 'Grzegorz', 'Jolanta', 'Michał', 'Zbigniew', 'Agnieszka', 'Paweł', 'Jędrzej', 'Ewa', 'Błażej', 'Żaneta'],
    last: ['Wiśniewski', 'Wójcik', 'Kowalczyk', 'Kamiński', 'Lewandowski', 'Zieliński', 'Szymański', 'Woźniak', 'Dąbrowski', 'Kozłowski', 'Jankowski', 'Mazur', 'Krawczyk', 'Sikora'],
    company: ['{last} Sp. z o.o.', 'Piekarnia Złoty Kłos', 'Usługi Budowlane {last}', 'Hurtownia Łódzka', 'Zakład Ślusarski {last}'],
    city: ['Łódź', 'Kraków', 'Gdańsk', 'Wrocław', 'Poznań', 'Białystok', 'Rzeszów', 'Częstochowa', 'Bielsko-Biała', 'Toruń'],
  },
  cs: {
    first: ['Jiří', 'Jaroslav', 'Petr', 'Tomáš', 'Zdeněk', 'Věra', 'Hana', 'Lucie', 'Kateřina', 'Miloš', 'Radek', 'Božena', 'Dušan', 'Šárka'],
    last: ['Dvořák', 'Novák', 'Svoboda', 'Černý', 'Procházka', 'Kučera', 'Veselý', 'Horák', 'Němec', 'Pokorný', 'Růžička', 'Beneš', 'Fiala', 'Šťastný'],
    company: ['{last} s.r.o.', 'Pekařství U Mostu', 'Stavební firma {last}', 'Účetní kancelář {last}', 'Řeznictví Žižka'],
    city: ['Praha', 'Brno', 'Ostrava', 'Plzeň', 'Liberec', 'Olomouc', 'České Budějovice', 'Hradec Králové', 'Ústí nad Labem', 'Pardubice'],
  },
  sk: {
    first: ['Ľubomír', 'Ľudmila', 'Ján', 'Mária', 'Štefan', 'Zuzana', 'Martin', 'Dušan', 'Ľuboš', 'Eva'],
    last: ['Kováč', 'Horváth', 'Varga', 'Tóth', 'Nagy', 'Baláž', 'Molnár', 'Lukáč', 'Šimko', 'Ďurica'],
    company: ['{last} spol. s r.o.', 'Pekáreň Kôpka', 'Stavby {last}', 'Ľudová banka'],
    city: ['Bratislava', 'Košice', 'Prešov', 'Žilina', 'Nitra', 'Banská Bystrica', 'Trnava', 'Poprad'],
  },
  hu: {
    familyFirst: true,
    first: ['Gyöngyi', 'Győző', 'Ödön', 'Zsófia', 'Tünde', 'László', 'Erzsébet', 'Csaba', 'Ildikó', 'Gábor', 'Ágnes', 'Bálint'],
    last: ['Kovács', 'Szabó', 'Tóth', 'Horváth', 'Kiss', 'Molnár', 'Németh', 'Farkas', 'Balogh', 'Papp', 'Fülöp', 'Szűcs', 'Lőrinc', 'Török'],
    company: ['{last} Kft.', 'Pékség Fő utca', 'Építőipari {last} Zrt.', 'Győri Keksz', 'Szűcs és Társa Bt.'],
    city: ['Győr', 'Pécs', 'Debrecen', 'Szeged', 'Miskolc', 'Székesfehérvár', 'Kecskemét', 'Nyíregyháza', 'Budapest'],
  },
  hr: {
    first: ['Đurđa', 'Željko', 'Mišo', 'Ivana', 'Goran', 'Snježana', 'Dražen', 'Tomislav', 'Vesna', 'Zoran'],
    last: ['Horvat', 'Kovačević', 'Babić', 'Marić', 'Jurić', 'Novak', 'Knežević', 'Vuković', 'Perić', 'Đurić'],
    company: ['{last} d.o.o.', 'Pekara Čakovec', 'Građevinar {last}', 'Šibenska Riva'],
    city: ['Zagreb', 'Split', 'Rijeka', 'Osijek', 'Šibenik', 'Varaždin', 'Čakovec', 'Požega'],
  },
  'ro-cedilla': {
    first: ['Ştefan', 'Mircea', 'Ioana', 'Răzvan', 'Cătălina', 'Bogdan', 'Ţiţeica', 'Andreea', 'Gheorghe', 'Mădălina'],
    last: ['Popescu', 'Ionescu', 'Ştefănescu', 'Dumitrescu', 'Constantinescu', 'Munteanu', 'Ţăranu', 'Răducanu', 'Căpraru', 'Stănescu'],
    company: ['{last} SRL', 'Brutăria Ştefan', 'Construcţii {last} SA', 'Farmacia Târgu'],
    city: ['Bucureşti', 'Timişoara', 'Iaşi', 'Constanţa', 'Braşov', 'Piteşti', 'Târgu Mureş', 'Cluj-Napoca'],
  },
  tr: {
    first: ['Şükrü', 'Gülşen', 'Ömer', 'Çağla', 'İsmail', 'Ayşe', 'Iğdır', 'Özgür', 'Büşra', 'Hülya', 'Yiğit', 'Tuğba', 'Barış', 'Gökhan'],
    last: ['Yılmaz', 'Öztürk', 'Şahin', 'Çelik', 'Aydın', 'Doğan', 'Kılıç', 'Arslan', 'Yıldız', 'Güneş', 'Aksoy', 'Erdoğan', 'Koç', 'Kurt'],
    company: ['{last} Ltd. Şti.', 'Güneş İnşaat A.Ş.', 'Çiçek Pastanesi', 'Doğuş Otomotiv', 'Öz Gıda Sanayi'],
    city: ['İstanbul', 'İzmir', 'Şanlıurfa', 'Eskişehir', 'Muğla', 'Çanakkale', 'Diyarbakır', 'Kırıkkale', 'Ankara', 'Gaziantep'],
  },
  lt: {
    first: ['Jonas', 'Aušra', 'Žydrūnas', 'Rūta', 'Gintautas', 'Dalė', 'Šarūnas', 'Vytautas', 'Eglė', 'Algirdas', 'Ąžuolas', 'Živilė'],
    last: ['Kazlauskas', 'Jankauskas', 'Petrauskas', 'Žukauskas', 'Butkus', 'Paulauskas', 'Urbonas', 'Kavaliauskas', 'Šimkus', 'Navickienė', 'Sabonis', 'Čepulis'],
    company: ['UAB {last}', 'Kepykla Šaltinėlis', 'Statybų grupė {last}', 'Žalgirio prekyba'],
    city: ['Vilnius', 'Kaunas', 'Klaipėda', 'Šiauliai', 'Panevėžys', 'Alytus', 'Marijampolė', 'Mažeikiai', 'Utena', 'Kėdainiai'],
  },
  lv: {
    first: ['Jānis', 'Andris', 'Ināra', 'Līga', 'Kārlis', 'Ģirts', 'Dace', 'Māris', 'Ieva', 'Edgars', 'Zane', 'Ķirsis'],
    last: ['Bērziņš', 'Kalniņš', 'Ozoliņš', 'Jansons', 'Liepiņš', 'Krūmiņš', 'Balodis', 'Zariņš', 'Pētersons', 'Vītols', 'Ķēniņš', 'Šmits'],
    company: ['SIA {last}', 'Maiznīca Rūķis', 'Būvniecība {last}', 'Latvijas Gāze'],
    city: ['Rīga', 'Daugavpils', 'Liepāja', 'Jelgava', 'Jūrmala', 'Ventspils', 'Rēzekne', 'Valmiera', 'Ogre', 'Cēsis'],
  },
  mt: {
    first: ['Ġużeppi', 'Ċensu', 'Marija', 'Ġorġ', 'Pawlu', 'Ħelen', 'Rużar', 'Kelinu', 'Ġanni', 'Tereża'],
    last: ['Borġ', 'Camilleri', 'Vella', 'Farruġja', 'Galea', 'Żammit', 'Micallef', 'Grech', 'Attard', 'Azzopardi'],
    company: ['{last} Ltd', 'Ħobż tal-Malti', 'Kumpanija {last}', 'Ġebel u Ħamrija'],
    city: ['Ħamrun', 'Birkirkara', 'Żejtun', 'Qormi', 'Żabbar', 'Għargħur', 'Xagħra', 'Mellieħa', 'Valletta'],
  },
  se: {
    first: ['Áilu', 'Máret', 'Ánde', 'Biret', 'Niillas', 'Ánne', 'Ovllá', 'Sunná', 'Risten', 'Máhtte'],
    last: ['Guttorm', 'Somby', 'Bálto', 'Hætta', 'Sárá', 'Gaup', 'Eira', 'Ŋuorra', 'Čuoigi', 'Dánel'],
    company: ['{last} AS', 'Sámediggi', 'Guovdageainnu Boazu', 'Kárášjoga Gávpi'],
    city: ['Guovdageaidnu', 'Kárášjohka', 'Unjárga', 'Deatnu', 'Bálák', 'Čáhcesuolu'],
  },
  cy: {
    first: ['Llŷr', 'Siân', 'Gwenllïan', 'Dafydd', 'Rhŵan', 'Eirlys', 'Geraint', 'Ffion', 'Tomos', 'Elin'],
    last: ['Jones', 'Llywelyn', 'Rhŷs', 'Gruffydd', 'Pryce', 'Bevan', 'Ŵyn', 'Maddocks', 'Hughes', 'Lloyd'],
    company: ['{last} Cyf.', 'Siop y Bŵts', 'Becws Tŷ Gwyn', 'Garej {last}'],
    city: ['Caerdydd', 'Abertawe', 'Bangor', 'Aberystwyth', 'Llŷn', 'Pen-y-bont', 'Caerfyrddin', 'Wrecsam'],
  },
  vi: {
    familyFirst: true,
    first: ['Văn An', 'Thị Bình', 'Hoàng Dũng', 'Thu Hằng', 'Minh Đức', 'Thị Hương', 'Quốc Bảo', 'Thị Lan', 'Mạnh Hùng', 'Thanh Tâm', 'Ngọc Ánh', 'Thị Tuyết'],
    last: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'],
    company: ['Công ty TNHH {last}', 'Tập đoàn Hòa Phát', 'Cửa hàng Bánh mì Sài Gòn', 'Nhà sách Phương Nam'],
    city: ['Hà Nội', 'Thành phố Hồ Chí Minh', 'Đà Nẵng', 'Hải Phòng', 'Cần Thơ', 'Huế', 'Nha Trang', 'Biên Hòa'],
  },
};
